/// How categories of a field are told apart.
enum PMMLSymbolDomain: Hashable, Sendable {
  /// By exact text (`dataType="string"`).
  case text
  /// By numeric value (`dataType` integer, float or double with a categorical optype), so
  /// that `1` and `1.0` are the same category.
  case numeric
}
