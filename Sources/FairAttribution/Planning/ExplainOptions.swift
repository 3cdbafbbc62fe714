public import FairModels

/// Settings shared by every ``Explainer``.
public struct ExplainOptions: Sendable, Hashable {
  /// The scale the attributions add up to.
  public var output: OutputSpace
  /// The number of worker threads; values below 1 count as 1.
  public var threads: Int
  /// The seed of sampling methods; exact methods ignore it.
  public var seed: UInt64
  /// The model's margins of the rows being explained, when the caller has them already.
  ///
  /// Explainers that report the model's own margins take them from here instead of scoring
  /// every row again. They must be the margins of exactly these rows; ignored unless there
  /// is one per row.
  package var margins: [Double]?

  /// Creates options.
  ///
  /// - Parameters:
  ///   - output: The scale the attributions add up to; margin by default.
  ///   - threads: The number of worker threads; values below 1 count as 1.
  ///   - seed: The seed of sampling methods; exact methods ignore it.
  public init(output: OutputSpace = .margin, threads: Int = 1, seed: UInt64 = 0) {
    self.output = output
    self.threads = threads
    self.seed = seed
  }

  /// The thread count, at least 1.
  var workerCount: Int { max(1, threads) }
}
