/// Integrated-gradients attributions with each row's completeness gap.
public struct IntegratedGradientsResult: Sendable, Equatable {
  /// The attributions, base values (`F` at the effective baseline) and predictions `F(x)`.
  public var attributions: Attributions
  /// Per row, captum's convergence delta `Σ_j IG_j − (F(x) − base)`: the quadrature error,
  /// 0 for exact integration.
  public var completenessGap: [Double]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - attributions: The attributions.
  ///   - completenessGap: One gap per row.
  public init(attributions: Attributions, completenessGap: [Double]) {
    self.attributions = attributions
    self.completenessGap = completenessGap
  }
}
