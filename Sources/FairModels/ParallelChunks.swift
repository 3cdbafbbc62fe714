import Dispatch
import Synchronization

/// Runs independent, indexed pieces of work on a bounded number of threads.
///
/// Results are merged by index, so the output depends only on how the work is cut into
/// chunks, never on the number of threads or on scheduling.
package enum ParallelChunks {
  /// Computes `body(index)` for every index in `0..<count` on up to `threads` threads.
  ///
  /// - Parameters:
  ///   - count: The number of chunks.
  ///   - threads: The largest number of threads to use; 1 runs everything on the caller.
  ///   - body: The work of one chunk; it must not depend on which thread runs it.
  /// - Returns: The results in index order.
  package static func map<Result: Sendable>(
    count: Int, threads: Int, _ body: @Sendable (Int) -> Result
  ) -> [Result] {
    let workers = max(1, min(threads, count))
    if workers == 1 { return (0..<count).map(body) }
    let next = Atomic<Int>(0)
    let results = Mutex<[Result?]>(Array(repeating: nil, count: count))
    withoutActuallyEscaping(body) { body in
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
          let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < count else { return }
          let value = body(index)
          results.withLock { $0[index] = value }
        }
      }
    }
    let values = results.withLock { stored in stored.compactMap { $0 } }
    precondition(values.count == count, "every chunk must produce a result")
    return values
  }
}
