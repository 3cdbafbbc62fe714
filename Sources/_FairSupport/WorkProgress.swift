import Synchronization

/// Where long computations report how far they have got, for a progress display.
///
/// A computation over many units (rows) starts a ``Task`` with its total and advances it as
/// its chunks finish, from any thread; the sink sees every event and decides what to show
/// and how often. The reporter is passed down explicitly, so `nil` anywhere simply means
/// that nobody is watching. Reporting never changes what is computed.
package final class WorkProgress: Sendable {
  /// One report: a task started, advanced or finished.
  package struct Event: Sendable, Hashable {
    /// What is being done (`"attributions"`).
    package var task: String
    /// What is counted (`"rows"`).
    package var unit: String
    /// The units done so far.
    package var completed: Int
    /// The units in all.
    package var total: Int
    /// Whether the task has finished.
    package var isFinished: Bool
  }

  private let sink: @Sendable (Event) -> Void

  /// Creates a reporter that passes every event to `sink`, possibly from several threads at
  /// once.
  package init(_ sink: @escaping @Sendable (Event) -> Void) {
    self.sink = sink
  }

  /// Starts a task of `total` units.
  package func start(_ task: String, unit: String = "rows", total: Int) -> Task {
    let started = Task(name: task, unit: unit, total: total, sink: sink)
    sink(Event(task: task, unit: unit, completed: 0, total: total, isFinished: false))
    return started
  }

  /// A task under way.
  package final class Task: Sendable {
    private let name: String
    private let unit: String
    private let total: Int
    private let sink: @Sendable (Event) -> Void
    private let done = Atomic<Int>(0)

    fileprivate init(
      name: String, unit: String, total: Int, sink: @escaping @Sendable (Event) -> Void
    ) {
      self.name = name
      self.unit = unit
      self.total = total
      self.sink = sink
    }

    /// Records `count` more units done.
    package func advance(by count: Int) {
      let completed = done.wrappingAdd(count, ordering: .relaxed).newValue
      sink(
        Event(
          task: name, unit: unit, completed: min(completed, total), total: total,
          isFinished: false))
    }

    /// Records that the task has finished.
    package func finish() {
      sink(Event(task: name, unit: unit, completed: total, total: total, isFinished: true))
    }
  }
}
