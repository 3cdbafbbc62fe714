import FairReports
import Testing

@Suite struct ProgressLineTests {
  @Test func barShowsShareCountsRateAndTimeLeft() {
    let line = ProgressLine.bar(
      task: "attributions", unit: "rows", completed: 12_000, total: 48_000, elapsed: 2, width: 8)
    #expect(line == "attributions [██░░░░░░] 25% 12,000/48,000 rows · 6,000 rows/s · ETA 6.0 s")
  }

  @Test func barWithoutProgressHasNoRate() {
    let line = ProgressLine.bar(
      task: "scoring", unit: "rows", completed: 0, total: 10, elapsed: 0.5, width: 4)
    #expect(line == "scoring [░░░░] 0% 0/10 rows")
    let done = ProgressLine.bar(
      task: "scoring", unit: "rows", completed: 10, total: 10, elapsed: 2, width: 4)
    #expect(done == "scoring [████] 100% 10/10 rows · 5 rows/s")
  }

  @Test func summaryAndDurations() {
    #expect(
      ProgressLine.summary(task: "bootstrap of outcomes", unit: "rows", total: 48_842, elapsed: 0.5)
        == "bootstrap of outcomes: 48,842 rows in 0.5 s (97,684 rows/s)")
    #expect(ProgressLine.duration(75) == "1 min 15 s")
    #expect(ProgressLine.duration(605.4) == "10 min 05 s")
    #expect(ProgressLine.duration(12.4) == "12 s")
    #expect(ProgressLine.duration(.infinity) == "?")
  }
}
