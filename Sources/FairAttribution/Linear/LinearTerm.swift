/// One additive term of a linear model's margin: a coefficient times a basis function of one
/// input feature.
///
/// A numeric input contributes `coefficient · x`; a categorical input expanded to one-hot
/// terms contributes one ``Basis/indicator(level:)`` term per level, `coefficient · [x == level]`
/// (the level index as ``FeatureMatrix`` stores it).
public struct LinearTerm: Sendable, Hashable, Codable {
  /// The function of the feature's value that the coefficient multiplies.
  public enum Basis: Sendable, Hashable, Codable {
    /// The value itself.
    case value
    /// 1 when the value equals the level index, 0 otherwise (0 for a missing value).
    case indicator(level: Double)
  }

  /// The index of the input feature the term reads.
  public var feature: Int
  /// The basis function.
  public var basis: Basis
  /// The coefficient.
  public var coefficient: Double
  /// A name for term-level reports, such as `purpose=car`.
  public var name: String

  /// Creates a term.
  public init(feature: Int, basis: Basis = .value, coefficient: Double, name: String) {
    self.feature = feature
    self.basis = basis
    self.coefficient = coefficient
    self.name = name
  }

  /// The basis function at `x`: `x` itself, or the indicator of the level.
  @inlinable
  public func basisValue(_ x: Double) -> Double {
    switch basis {
    case .value: x
    case .indicator(let level): x == level ? 1 : 0
    }
  }
}
