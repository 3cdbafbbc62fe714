import FairAudit
import FairReports
import Foundation
import Synchronization

/// Progress of a long command on standard error.
///
/// On a terminal: a live line with the stage and, for a long task within it (scoring,
/// attributions, a bootstrap pass), a bar with the rate and the time left, redrawn at most
/// ten times a second; then the stage's elapsed time. Otherwise: one quiet line per task,
/// and per stage that took longer than half a second. Standard output carries only results.
final class ProgressDisplay: Sendable {
  private struct State {
    var stage = ""
    var stageStart = ContinuousClock.now
    var stepStart = ContinuousClock.now
    var stepTotal = 0
    var lastDraw = ContinuousClock.now - .seconds(1)
    var taskStart = ContinuousClock.now
  }

  private let isTerminal = Terminal.standardErrorIsTerminal
  private let state = Mutex(State())

  /// Shows one stage event.
  @Sendable func report(_ progress: AuditProgress) {
    let now = ContinuousClock.now
    if let task = progress.task {
      report(task, stage: progress.stage, now: now)
      return
    }
    if !progress.isFinished {
      state.withLock {
        $0.stage = progress.stage
        $0.stageStart = now
        $0.stepTotal = 0
      }
      if isTerminal { StandardError.writeRaw("\r\u{1B}[2K… \(progress.stage)") }
      return
    }
    let start = state.withLock { $0.stageStart }
    let seconds = Self.seconds(now - start)
    if isTerminal {
      StandardError.writeRaw("\r\u{1B}[2K✓ \(progress.stage) (\(seconds))\n")
    } else if now - start > .milliseconds(500) {
      StandardError.write("fairgate: \(progress.stage): \(seconds)")
    }
  }

  /// Shows a task's event: a throttled bar on a terminal, a summary line when it ends.
  private func report(_ task: AuditProgress.Task, stage: String, now: ContinuousClock.Instant) {
    let line: String? = state.withLock { state in
      if task.completed == 0 && !task.isFinished {
        state.taskStart = now
        state.lastDraw = now - .seconds(1)
      }
      let elapsed = Self.value(now - state.taskStart)
      if task.isFinished {
        return ProgressLine.summary(
          task: task.name, unit: task.unit, total: task.total, elapsed: elapsed)
      }
      guard isTerminal, now - state.lastDraw >= .milliseconds(100) else { return nil }
      state.lastDraw = now
      return ProgressLine.bar(
        task: task.name, unit: task.unit, completed: task.completed, total: task.total,
        elapsed: elapsed)
    }
    guard let line else { return }
    if isTerminal {
      StandardError.writeRaw("\r\u{1B}[2K… \(stage): \(line)")
    } else {
      StandardError.write("fairgate: \(stage): \(line)")
    }
  }

  /// Ends the display: clears the live line on a terminal.
  func finish() {
    if isTerminal { StandardError.writeRaw("\r\u{1B}[2K") }
  }

  private static func value(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
  }

  private static func seconds(_ duration: Duration) -> String {
    String(format: "%.1f s", value(duration))
  }
}
