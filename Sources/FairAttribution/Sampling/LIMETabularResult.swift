/// LIME explanations with the diagnostics lime reports beside them.
public struct LIMETabularResult: Sendable, Equatable {
  /// The surrogate coefficients, intercepts (base values) and local predictions.
  public var attributions: Attributions
  /// The weighted R² of each row's surrogate on its own samples (lime's `score`).
  public var scores: [Double]
  /// The model's own output at each row, in the attributions' output space; compare with
  /// ``Attributions/predictions`` to see how far the surrogate is from the model at `x`.
  public var modelOutputs: [Double]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - attributions: The surrogate coefficients, intercepts and local predictions.
  ///   - scores: One weighted R² per row.
  ///   - modelOutputs: One model output per row.
  public init(attributions: Attributions, scores: [Double], modelOutputs: [Double]) {
    self.attributions = attributions
    self.scores = scores
    self.modelOutputs = modelOutputs
  }
}
