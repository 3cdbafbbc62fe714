import FairPolicy
import _FairSupport

extension ManifestValidator {
  /// The texts of the validator's diagnostics, lower-case with no final period.
  enum Message {
    /// How many values a "its values are" note lists at most.
    static let listedValues = 8

    static func unknownColumn(_ name: String, role: String, file: String) -> String {
      "the \(role) '\(name)' is not a column of '\(file)'"
    }

    static func lossNeedsLabel(hasLoss: Bool) -> String {
      (hasLoss ? "a declared loss" : "a cost matrix")
        + " needs true outcomes; name the label column in 'data: label:'"
    }

    static func lossNeedsScores(_ loss: String) -> String {
      "the loss '\(loss)' reads the model's score, but the audit has only a decision column; "
        + "give a 'score_column'"
    }

    static func lossNeedsProbabilities(_ loss: String, space: String?) -> String {
      "the loss '\(loss)' reads the probability p, but the scores are read in "
        + "\(space.map { "'\($0)' space" } ?? "no probability space"); "
        + "decide in 'probability' space or use a loss of the margin m"
    }

    static func costValueNotInColumn(_ value: String, column: String) -> String {
      "the cost matrix names '\(value)', which the column '\(column)' never holds"
    }

    static func notNumeric(_ name: String, role: String) -> String {
      "the \(role) '\(name)' must hold numbers, but it holds text"
    }

    static func entirelyMissing(_ name: String, rows: Int) -> String {
      "the protected attribute column '\(name)' has no values: all \(rows) rows are missing"
    }

    static func considerBins(_ name: String, distinct: Int) -> String {
      "column '\(name)' holds \(distinct) distinct numbers, each a group of its own; "
        + "cut it into 'bins'"
    }

    static func missingIdentifiers(_ name: String, count: Int) -> String {
      "the id column '\(name)' is missing in \(count) row\(count == 1 ? "" : "s"); "
        + "every row needs an id"
    }

    static func duplicateIdentifier(_ name: String, _ value: String, rows: (Int, Int)) -> String {
      "the id column '\(name)' is not unique: '\(value)' appears in data rows \(rows.0) and "
        + "\(rows.1) (0-based)"
    }

    static func missingOutcomes(_ name: String, role: String, count: Int) -> String {
      "the \(role) '\(name)' is missing in \(count) row\(count == 1 ? "" : "s"); "
        + "every row needs one"
    }

    static func notBinary(_ name: String, role: String, found: Double) -> String {
      "the \(role) '\(name)' must hold 0 and 1 or text labels, found "
        + ManifestValidator.label(of: found)
    }

    static func needsFavourable(_ name: String, role: String, levels: [String], key: String)
      -> String
    {
      let shown = levels.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
      return "the \(role) '\(name)' holds text (\(shown)\(levels.count > 3 ? ", …" : "")); "
        + "say which value is favourable with '\(key)'"
    }

    static func favourableNotAValue(_ value: String, column: String) -> String {
      "the favourable value '\(value)' is not a value of column '\(column)'"
    }

    static let holdsZeroAndOne = "the column holds 0 and 1"

    static func moreThanTwoOutcomes(_ name: String, count: Int, favourable: String) -> String {
      "column '\(name)' has \(count) values; every value but '\(favourable)' counts as "
        + "unfavourable"
    }

    static func referenceNotAValue(_ reference: String, column: String) -> String {
      "the reference group '\(reference)' is not a value of column '\(column)'"
    }

    /// "did you mean" when a value is near, else the column's values.
    static func valuesNote(_ value: String, among values: [String]) -> Diagnostic.Note {
      if let near = Suggestion.candidate(for: value, among: values) {
        return Diagnostic.Note(YAMLReader.Message.didYouMean(near))
      }
      let shown = values.prefix(listedValues).map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic.Note(
        "its values are \(shown)" + (values.count > listedValues ? ", …" : ""))
    }
  }
}
