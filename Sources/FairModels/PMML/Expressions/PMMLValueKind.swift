/// How a field's values are represented while a row is evaluated.
///
/// Every runtime value is a `Double`, with NaN for a missing value:
///
/// - ``number``: the number itself (booleans are `1` and `0`).
/// - ``symbol(_:)``: a category, held as its identifier in the model's
///   ``PMMLSymbolTable``; ``PMMLSymbolTable/otherSymbol`` stands for a category the model
///   has never seen (an invalid value passed on "as is").
enum PMMLValueKind: Hashable, Sendable {
  /// A number.
  case number
  /// A category of the given symbol domain.
  case symbol(PMMLSymbolDomain)
}
