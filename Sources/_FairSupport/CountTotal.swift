extension Sequence<Int> {
  /// The sum of these counts, or `nil` when one is negative or the sum passes `limit` (an
  /// overflow on the way included): the check that decoded counts add up to something
  /// meaningful before anything is added to them.
  ///
  /// - Complexity: O(*n*).
  package func countTotal(atMost limit: Int = .max) -> Int? {
    var total = 0
    for count in self {
      guard count >= 0 else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(count)
      guard !overflow, sum <= limit else { return nil }
      total = sum
    }
    return total
  }
}
