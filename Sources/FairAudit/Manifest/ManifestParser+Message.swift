import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The texts of the parser's diagnostics, lower-case with no final period.
  enum Message {
    // MARK: Values

    static func invalidIdentifier(_ text: String) -> String {
      "expected an audit identifier of letters, digits, '.', '_' and '-', found '\(text)'"
    }

    static func emptyName(_ what: String) -> String {
      let article = "aeiou".contains(what.first ?? "x") ? "an" : "a"
      return "expected \(article) \(what), found an empty string"
    }

    static func tooSmall(_ what: String, minimum: Int, found: Int) -> String {
      minimum == 0
        ? "expected 0 or more \(what), found \(found)"
        : "expected \(minimum) or more \(what), found \(found)"
    }

    static func fractionOutOfRange(_ what: String, found: String, includingOne: Bool) -> String {
      includingOne
        ? "expected \(what) above 0 and at most 1, found \(found)"
        : "expected \(what) between 0 and 1 (exclusive), found \(found)"
    }

    static func shareOutOfRange(_ found: String) -> String {
      "expected a minimum slice share from 0 up to (not including) 1, found \(found)"
    }

    static func writeAsFraction(_ percent: Double) -> String {
      let fraction = percent / 100
      let text = fraction == fraction.rounded() ? String(Int(fraction)) : "\(fraction)"
      return "write \(ManifestParser.format(percent))% as \(text)"
    }

    static func duplicate(_ kind: String, _ value: String) -> String {
      "duplicate \(kind) '\(value)'"
    }

    static func firstWritten(_ value: String, at position: SourcePosition) -> Diagnostic.Note {
      Diagnostic.Note(
        "'\(value)' first appears here", line: position.line, column: position.column)
    }

    // MARK: Files

    // MARK: Losses and costs

    static func notALossParameter(_ key: String, loss: String) -> String {
      let accepted = ManifestParser.lossParameters[loss] ?? []
      return "'\(key)' is not a parameter of the loss '\(loss)'"
        + (accepted.isEmpty
          ? " (it takes none)"
          : "; it takes " + accepted.map { "'\($0)'" }.joined(separator: " and "))
    }

    static let customNeedsExpression =
      "a custom loss needs an 'expression' over y, p, m and declared constants"

    static func lossNeedsParameter(_ loss: String, _ key: String) -> String {
      "the loss '\(loss)' needs '\(key)'"
    }

    static func costNotFinite(_ key: String, _ found: String) -> String {
      "expected a finite cost for '\(key)', found \(found)"
    }

    static func missingFile(_ role: String, _ path: String) -> String {
      "the \(role) '\(path)' does not exist"
    }

    static func folderNotFile(_ role: String, _ path: String) -> String {
      "the \(role) '\(path)' is a folder, not a file"
    }

    static func lookedFor(_ path: String) -> String {
      "looked for '\(path)' (relative paths start at the manifest's folder)"
    }

    // MARK: Model and scores

    static let modelAndScores =
      "a manifest has either 'model' or 'scores', not both"
    static let neitherModelNorScores =
      "missing 'model' or 'scores': say whether a model or recorded scores are audited"
    static let fileAndCommand = "the model has either 'file' or 'command', not both"
    static let fileOrCommand = "missing 'file' or 'command' in the model"
    static let commandNeedsFeatures =
      "missing 'features' in the model: a command needs the columns it reads, in order"
    static let noFeatures = "expected at least one feature, found an empty list"

    static func commandOnly(_ key: String) -> String {
      "'\(key)' applies only to a model 'command', not to a model 'file'"
    }

    static func fileOnly(_ key: String) -> String {
      "'\(key)' applies only to a model 'file', not to a model 'command'"
    }

    static func nonPositiveTimeout(_ found: String) -> String {
      "expected a timeout of more than 0 seconds, found \(found)"
    }

    static let scoresNeedAColumn =
      "the scores need 'score_column', 'decision_column' or both"
    static let favourableDecisionNeedsColumn =
      "'favourable_decision' needs a 'decision_column'"

    static func decisionNeeded(forModel: Bool) -> String {
      (forModel ? "a model's scores" : "a score column without a decision column")
        + " need a 'decision' rule (space, threshold and favourable side)"
    }

    static let decisionIgnored =
      "'decision' is ignored: decisions come from the scores' 'decision_column'"
    static let scoreSpaceForModel =
      "space 'score' is for a score column; a model's threshold is on 'probability' or 'margin'"

    // MARK: Data

    static let favourableLabelNeedsLabel = "'favourable_label' needs a 'label' column"

    static func badDelimiter(_ text: String) -> String {
      "expected one ASCII character other than a quote or a line end as the delimiter, "
        + "found '\(text)'"
    }

    // MARK: Protected attributes

    static let noProtectedAttributes =
      "expected at least one protected attribute, found an empty list"
    static let columnAndProbabilities =
      "a protected attribute reads either a 'column' or 'probabilities', not both"
    static let columnOrProbabilities =
      "missing 'column' or 'probabilities' in a protected attribute"
    static let assignmentNeedsProbabilities =
      "'assignment_threshold' applies only to an attribute given as 'probabilities'"
    static let labelsNeedBins = "'labels' names bins; give 'bins' too"
    static let infinityNotLast = "'.inf' can only be the last bin edge"
    static let negativeInfinityNotFirst = "'-.inf' can only be the first bin edge"

    static func needsColumn(_ key: String) -> String {
      "'\(key)' cuts a numeric 'column' into bins; it does not apply to 'probabilities'"
    }

    static func labelCount(expected: Int, edges: Int, found: Int) -> String {
      "expected \(expected) label\(expected == 1 ? "" : "s") for \(edges) bin edges, found \(found)"
    }

    static func binsOverlap(_ edge: String, previous: String) -> String {
      "bins overlap: edge \(edge) is not above the edge before it, \(previous); "
        + "edges must be strictly increasing"
    }

    static func tooFewEdges(_ count: Int) -> String {
      "expected at least 2 bin edges, found \(count)"
    }

    static func tooFewGroups(_ count: Int) -> String {
      "expected at least 2 groups with membership probability columns, found \(count)"
    }

    static func referenceNotAGroup(_ reference: String, attribute: String) -> String {
      "the reference group '\(reference)' is not a group of attribute '\(attribute)'"
    }

    static func groupNote(_ reference: String, among groups: [String]) -> Diagnostic.Note {
      if let near = Suggestion.candidate(for: reference, among: groups) {
        return Diagnostic.Note(YAMLReader.Message.didYouMean(near))
      }
      return Diagnostic.Note("its groups are " + groups.map { "'\($0)'" }.joined(separator: ", "))
    }

    // MARK: Intersections

    static func undeclaredAttribute(_ name: String) -> String {
      "'\(name)' is not a declared protected attribute"
    }

    static func repeatedInIntersection(_ name: String) -> String {
      "'\(name)' appears twice in one intersection"
    }

    static func intersectionOfOne(_ name: String?) -> String {
      "an intersection crosses at least 2 attributes, found "
        + (name.map { "only '\($0)'" } ?? "none")
    }

    static func duplicateIntersection(_ attributes: [String]) -> String {
      "duplicate intersection '\(attributes.joined(separator: " x "))'"
    }

    // MARK: Settings

    static func emptyGroup(_ name: String) -> String {
      "feature group '\(name)' has no members"
    }

    static func memberOfTwoGroups(_ member: String, owner: String) -> String {
      "column '\(member)' is already in feature group '\(owner)'"
    }

    static func samplesNeedSampling(_ method: String) -> String {
      "'samples' applies only to the sampling methods (kernel, permutation, lime), "
        + "not to '\(method)'"
    }

    static let emptyBackground = "the background needs 'rows', 'file' or both"

    static func backgroundIgnored(_ method: String) -> String {
      "method '\(method)' reads no background; 'background' is ignored"
    }

    static let noPolicies = "expected at least one policy, found an empty list"

    static func unknownPack(_ id: String) -> String {
      "no shipped policy pack '\(id)'; a policy file's path contains '/' or ends in '.yaml'"
    }

    static func knownPacks(_ ids: [String]) -> String {
      ids.isEmpty
        ? "no policy packs are installed"
        : "the shipped packs are " + ids.map { "'\($0)'" }.joined(separator: ", ")
    }
  }
}
