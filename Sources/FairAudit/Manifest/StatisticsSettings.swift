public import FairMetrics

/// The `statistics:` section of a manifest: intervals, tests and the audit's seed.
///
/// ```yaml
/// statistics:
///   bootstrap: 1000     # Poisson-bootstrap replicates (0 = none)
///   confidence: 0.95    # the level of every interval
///   seed: 7             # seeds the bootstrap and every sampling attribution method
///   test: auto          # auto | z | fisher
/// ```
public struct StatisticsSettings: Sendable, Hashable {
  /// The number of bootstrap replicates; 0 for none.
  public var bootstrapReplicates: Int
  /// The confidence level of intervals, in (0, 1).
  public var confidence: Double
  /// The seed of the bootstrap and of the sampling attribution methods.
  public var seed: UInt64
  /// How significance tests are chosen.
  public var test: SignificanceTest.Method

  /// The settings of a manifest without a `statistics:` section: 1000 replicates, 95%
  /// confidence, seed 0 and the automatic choice of test.
  public static let standard = StatisticsSettings(
    bootstrapReplicates: 1000, confidence: 0.95, seed: 0, test: .automatic)

  /// Creates settings.
  public init(
    bootstrapReplicates: Int, confidence: Double, seed: UInt64, test: SignificanceTest.Method
  ) {
    self.bootstrapReplicates = bootstrapReplicates
    self.confidence = confidence
    self.seed = seed
    self.test = test
  }

  /// One minus the confidence level: the significance level of tests and intervals.
  public var alpha: Double { 1 - confidence }
}
