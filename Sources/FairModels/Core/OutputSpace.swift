public import RealModule

/// The scale of a model's output.
public enum OutputSpace: String, Sendable, Hashable, CaseIterable, Codable {
  /// The raw additive score: log-odds for a logistic classifier, the value for a regressor.
  case margin
  /// The probability of the positive class (classifiers only).
  case probability
}

/// The function that maps a model's margin to its response.
public enum OutputTransform: String, Sendable, Hashable, Codable {
  /// The margin is the response (regression, or a classifier whose raw output is already a
  /// probability).
  case identity
  /// The logistic function `1 / (1 + exp(-margin))`.
  case logistic

  /// Applies the transform to one margin.
  @inlinable
  public func apply(_ margin: Double) -> Double {
    switch self {
    case .identity: margin
    case .logistic: 1 / (1 + Double.exp(-margin))
    }
  }
}
