/// A conversion applied to a value.
enum PMMLCast: Sendable, Hashable {
  /// Round a number to `Float` precision (`dataType="float"`).
  case float
  /// Check that a number is whole (`dataType="integer"`); a fraction fails the row.
  case integer
  /// Replace a numeric symbol by its number; an unknown symbol fails the row.
  case symbolToNumber
  /// Replace a number by the numeric symbol with that value, or the unknown symbol.
  case numberToSymbol
  /// A boolean result: any non-zero number becomes 1.
  case boolean
}
