/// What happens to an invalid value (`invalidValueTreatment`).
public enum PMMLInvalidValueTreatment: Sendable, Hashable {
  /// The row cannot be scored: its margin is NaN and ``PMMLModel/rowIssues(_:)`` says why.
  case returnInvalid
  /// The value is used as it is; an unknown category then equals no listed category.
  case asIs
  /// The value is treated as missing.
  case asMissing
  /// The value is replaced by `invalidValueReplacement`, given as text.
  case asValue(String)
}
