/// How one split node sends a value left or right, packed in a byte.
///
/// Two families exist because the libraries differ and FairGate must route every row exactly
/// as the training library does:
///
/// - XGBoost (no ``lessOrEqual`` bit): numeric splits go left when `Float(x) < Float(t)`;
///   NaN follows ``defaultLeft``; categorical splits go **right** when the category is in the
///   node's set, and left for categories outside it or invalid (negative, or 2²⁴ and above
///   after rounding the value to `Float`).
/// - LightGBM (``lessOrEqual`` bit): numeric splits go left when `x <= t` in `Double`, after
///   the missing-value rules of the node's missing type (``missingZero``, ``missingNaN``, or
///   neither, when NaN is read as 0); categorical splits go **left** when the category
///   (`x` truncated toward zero, so -0.5 reads as 0) is in the set, and right for NaN, values
///   of -1 or less, and values of 2³¹ or more.
///
/// ``TreeEnsemble/goesLeft(node:x:)`` implements both exactly.
public struct SplitRule: OptionSet, Sendable, Hashable {
  /// The bits.
  public let rawValue: UInt8

  /// Creates a rule from its bits.
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Missing values (and, for ``missingZero``, zeros) go left.
  public static let defaultLeft = SplitRule(rawValue: 1 << 0)
  /// The split tests membership of a category set.
  public static let categorical = SplitRule(rawValue: 1 << 1)
  /// LightGBM semantics: `x <= threshold` in `Double`; categories in the set go left.
  public static let lessOrEqual = SplitRule(rawValue: 1 << 2)
  /// LightGBM missing type Zero: NaN and values within ±1e-35 take the default direction.
  public static let missingZero = SplitRule(rawValue: 1 << 3)
  /// LightGBM missing type NaN: NaN takes the default direction.
  public static let missingNaN = SplitRule(rawValue: 1 << 4)
}
