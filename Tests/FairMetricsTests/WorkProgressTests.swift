import Synchronization
import Testing
import _FairSupport

@Suite struct WorkProgressTests {
  @Test func advancesFromManyThreadsAddUpAndTheTaskFinishes() {
    let events = Mutex<[WorkProgress.Event]>([])
    let progress = WorkProgress { event in events.withLock { $0.append(event) } }
    let task = progress.start("scoring", total: 1_000)
    _ = ParallelChunks.map(count: 100, threads: 4) { _ in task.advance(by: 10) }
    task.finish()
    let seen = events.withLock { $0 }
    #expect(seen.count == 102)
    #expect(seen.first?.task == "scoring" && seen.first?.unit == "rows")
    #expect(seen.first?.completed == 0 && seen.first?.total == 1_000)
    #expect(seen.first?.isFinished == false)
    #expect(seen.dropFirst().dropLast().map(\.completed).max() == 1_000)
    #expect(seen.last?.isFinished == true && seen.last?.completed == 1_000)
  }
}
