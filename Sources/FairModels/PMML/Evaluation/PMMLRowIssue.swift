/// Why a PMML model could not score one row, as ``PMMLModel/rowIssues(_:)`` reports it.
///
/// A row with an issue has a NaN margin: FairGate never substitutes a number where the PMML
/// evaluation rules say the row has no valid result.
public struct PMMLRowIssue: Sendable, Hashable, CustomStringConvertible {
  /// The category of a row issue.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// An input value is invalid (an unknown category, a number outside the declared
    /// intervals) and the field's `invalidValueTreatment` is `returnInvalid`.
    case invalidValue = "invalid-value"
    /// An input value is missing and the field's `missingValueTreatment` is
    /// `returnInvalid`.
    case missingValue = "missing-value"
    /// The model produces no prediction for the row (a tree with `nullPrediction`, a
    /// scorecard characteristic with no matching attribute, an ensemble whose segments
    /// all return missing) and no `Targets` default applies.
    case noPrediction = "no-prediction"
    /// A computation is undefined for the row (a division by zero in an `Apply`, an
    /// ordered comparison of a category the model does not know).
    case undefinedResult = "undefined-result"
  }

  /// The 0-based row index.
  public var row: Int
  /// What went wrong.
  public var kind: Kind
  /// The field involved, if one is.
  public var field: String?
  /// The explanation, lower-case with no final period.
  public var message: String

  /// Creates a row issue.
  public init(row: Int, kind: Kind, field: String?, message: String) {
    self.row = row
    self.kind = kind
    self.field = field
    self.message = message
  }

  /// The issue as one line: `row 17: invalid-value: field 'region': …`.
  public var description: String {
    var text = "row \(row): \(kind.rawValue): "
    if let field { text += "field '\(field)': " }
    return text + message
  }
}
