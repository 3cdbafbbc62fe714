import Dispatch
import Synchronization

/// Runs independent, indexed pieces of work on a bounded number of threads.
///
/// Results are merged by index, so the output depends only on how the work is cut into
/// chunks, never on the number of threads or on scheduling.
package enum ParallelChunks {
  /// Computes `body(index)` for every index in `0..<count` on up to `threads` threads.
  ///
  /// When chunks fail, the error of the lowest-numbered failing chunk is thrown, so the
  /// outcome does not depend on scheduling either; once one chunk has failed, chunks not yet
  /// started are skipped. A body that cannot throw makes the call non-throwing.
  ///
  /// - Parameters:
  ///   - count: The number of chunks.
  ///   - threads: The largest number of threads to use; 1 runs everything on the caller.
  ///   - body: The work of one chunk; it must not depend on which thread runs it.
  /// - Returns: The results in index order.
  /// - Throws: The error of the lowest-numbered failing chunk.
  package static func map<Result: Sendable, Failure: Error>(
    count: Int, threads: Int, _ body: @Sendable (Int) throws(Failure) -> Result
  ) throws(Failure) -> [Result] {
    let workers = max(1, min(threads, count))
    if workers == 1 {
      var results: [Result] = []
      results.reserveCapacity(count)
      for index in 0..<count { results.append(try body(index)) }
      return results
    }
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    let outcomes = Mutex<[Swift.Result<Result, Failure>?]>(Array(repeating: nil, count: count))
    withoutActuallyEscaping(body) { body in
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while !failed.load(ordering: .relaxed) {
          let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < count else { return }
          let outcome: Swift.Result<Result, Failure>
          do throws(Failure) {
            outcome = .success(try body(index))
          } catch {
            outcome = .failure(error)
            failed.store(true, ordering: .relaxed)
          }
          outcomes.withLock { $0[index] = outcome }
        }
      }
    }
    let finished = outcomes.withLock { $0 }
    var results: [Result] = []
    results.reserveCapacity(count)
    for outcome in finished {
      switch outcome {
      case .success(let value): results.append(value)
      case .failure(let error): throw error
      case nil: preconditionFailure("a chunk was skipped although no earlier chunk failed")
      }
    }
    return results
  }
}
