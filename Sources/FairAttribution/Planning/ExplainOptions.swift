public import FairModels
package import _FairSupport

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
  /// Whether the attributions must carry the model's outputs of the rows.
  ///
  /// Callers that read only the attribution values (reason stability, say) set it to `false`;
  /// explainers that would score the rows for nothing else then leave the predictions NaN.
  package var needsPredictions = true
  /// Where the explainer reports the rows it has explained, when someone is watching.
  package var progress: WorkProgress?
  /// Each row's stable identifier, when the rows are a part of a larger data set.
  ///
  /// Sampling methods then seed a row's draws with it instead of the row's position, so that
  /// a row gets the same attributions in any partition of the data. Ignored unless there is
  /// one per row.
  package var rowKeys: [UInt64]?

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

extension ExplainOptions {
  /// Options are equal when they would give the same attributions: the progress reporter
  /// does not count.
  public static func == (left: ExplainOptions, right: ExplainOptions) -> Bool {
    left.output == right.output && left.threads == right.threads && left.seed == right.seed
      && left.margins == right.margins && left.needsPredictions == right.needsPredictions
  }

  /// Hashes what ``==`` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(output)
    hasher.combine(threads)
    hasher.combine(seed)
    hasher.combine(margins)
    hasher.combine(needsPredictions)
  }
}
