public import _FairSupport

/// An error raised while setting up or running an explainer, with what it concerns.
///
/// The description reads like `error: feature group 'purpose': feature index 40 is out of
/// range 0..<20`, or, when the problem belongs to a file the user gave (a background file),
/// `background.csv:4: error: background row 3: the weight -1 is not a finite, non-negative
/// number`.
public struct AttributionError: DiagnosticError {
  /// The category of an attribution error.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    private enum Raw: String, Hashable, Sendable {
      case featureMismatch = "feature-mismatch"
      case unsupportedOutput = "unsupported-output"
      case unsupportedModel = "unsupported-model"
      case invalidBackground = "invalid-background"
      case invalidGroup = "invalid-group"
      case invalidArgument = "invalid-argument"
    }

    private let raw: Raw
    private init(_ raw: Raw) { self.raw = raw }

    /// The rows do not have the model's number of features.
    public static let featureMismatch = Kind(.featureMismatch)
    /// The method cannot attribute the requested output space.
    public static let unsupportedOutput = Kind(.unsupportedOutput)
    /// The method cannot explain this model.
    public static let unsupportedModel = Kind(.unsupportedModel)
    /// The background data is empty, has the wrong shape or holds values the method cannot use.
    public static let invalidBackground = Kind(.invalidBackground)
    /// A feature group is empty, repeats a name or a feature, or names a feature out of range.
    public static let invalidGroup = Kind(.invalidGroup)
    /// An argument of the request is unusable (labels that are not 0 or 1, no rows).
    public static let invalidArgument = Kind(.invalidArgument)

    /// A stable, kebab-case name of the kind.
    public var description: String { raw.rawValue }
  }

  /// What went wrong.
  public var kind: Kind
  /// What the error concerns, such as `feature group 'purpose'` or `background row 3`.
  public var subject: String?
  /// The message, lower-case with no final period.
  public var message: String
  /// The file the problem belongs to (a background file), when there is one.
  public var file: String?
  /// The 1-based line of `file`, when known.
  public var line: Int?

  /// Creates an attribution error.
  public init(
    _ kind: Kind, subject: String? = nil, message: String, file: String? = nil,
    line: Int? = nil
  ) {
    self.kind = kind
    self.subject = subject
    self.message = message
    self.file = file
    self.line = line
  }

  /// The error as one diagnostic, whose place is the subject.
  public var diagnostics: [Diagnostic] {
    [Diagnostic(file: file, line: line, place: subject, message: message)]
  }

  /// The error as one line: `[file[:line]: ]error: <subject>: <message>`.
  public var description: String { diagnostics[0].description }

  /// The same error, located in `file` (and `line`, when given); used where a caller knows
  /// which file the explainer's input came from.
  public func located(in file: String, line: Int? = nil) -> AttributionError {
    var copy = self
    copy.file = file
    copy.line = line ?? copy.line
    return copy
  }
}

extension AttributionError {
  /// Builders for the messages, kept beside the code that emits them.
  package enum Message {
    static let emptyBackground = "the background has no rows"
    static func featureCount(_ found: Int, expected: Int) -> String {
      "the rows have \(found) features; the model reads \(expected)"
    }
    static func weightCount(_ found: Int, rows: Int) -> String {
      "\(found) weights were given for \(rows) background rows"
    }
    static func badWeight(_ weight: Double) -> String {
      "the weight \(weight) is not a finite, non-negative number"
    }
    static let zeroWeights = "the background weights sum to 0"
    static func noPrediction() -> String { "the model gives no prediction for this row" }
    static func needsBackground(_ method: String) -> String { "'\(method)' needs background rows" }
    static let probabilityNeedsInterventional =
      " in probability space, which path-dependent TreeSHAP has no form for"
    static let pathDependentHasNoProbability =
      "path-dependent TreeSHAP has no probability form, so use 'tree-interventional' with "
      + "background rows"
    static func unfit(_ method: String, needs what: String, model: String) -> String {
      "'\(method)' needs \(what); \(model) is not one"
    }
    static func unknownGroupMember(_ member: String, group: String) -> String {
      "'\(member)' is not a feature of the model"
    }
    static func malformedGroup(_ entry: String) -> String {
      "expected NAME=col1,col2, found '\(entry)'"
    }
    static func tooManyPathPlayers(_ count: Int) -> String {
      "a tree path splits on \(count) distinct features or groups; the exact tree method "
        + "handles at most 32, so use 'permutation'"
    }
    static func labelCount(_ found: Int, rows: Int) -> String {
      "\(found) labels were given for \(rows) rows"
    }
    static func badLabel(_ label: Double) -> String {
      "the label \(label) is not a finite number"
    }
  }
}
