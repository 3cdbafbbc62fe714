/// The per-row inputs a loss reads: the true outcome, the predicted probability, the margin.
///
/// A caller checks these against what its data has before evaluating, to say, for example,
/// "this loss reads `y` but the data has no labels".
public struct LossInputs: OptionSet, Hashable, Sendable {
  /// The bit set.
  public let rawValue: Int

  /// Creates a set from its bits.
  public init(rawValue: Int) {
    self.rawValue = rawValue
  }

  /// The true outcome `y`, 0 or 1.
  public static let label = LossInputs(rawValue: 1 << 0)
  /// The predicted probability of the positive class, `p`.
  public static let probability = LossInputs(rawValue: 1 << 1)
  /// The model's margin (log-odds or raw score), `m`.
  public static let margin = LossInputs(rawValue: 1 << 2)
}
