/// The significance test a rule asks for, with a testable metric.
public enum SignificanceTest: String, Hashable, Sendable, Codable, CaseIterable {
  /// Let the evidence choose: Fisher's exact test for small samples, the two-proportion z test
  /// otherwise.
  case auto
  /// The two-proportion z test ("two standard deviations").
  case z
  /// Fisher's exact test (two-sided).
  case fisher
  /// No test: the threshold alone decides.
  case none
}
