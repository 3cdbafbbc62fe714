/// An error raised while setting up or running an explainer, with what it concerns.
///
/// The description reads like `error: feature group 'purpose': feature index 40 is out of
/// range 0..<20`.
public struct AttributionError: Error, CustomStringConvertible, Sendable {
  /// The category of an attribution error.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    private enum Raw: String, Hashable, Sendable {
      case featureMismatch = "feature-mismatch"
      case unsupportedOutput = "unsupported-output"
      case unsupportedModel = "unsupported-model"
      case invalidBackground = "invalid-background"
      case invalidGroup = "invalid-group"
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

    /// A stable, kebab-case name of the kind.
    public var description: String { raw.rawValue }
  }

  /// What went wrong.
  public var kind: Kind
  /// What the error concerns, such as `feature group 'purpose'` or `background row 3`.
  public var subject: String?
  /// The message, lower-case with no final period.
  public var message: String

  /// Creates an attribution error.
  public init(_ kind: Kind, subject: String? = nil, message: String) {
    self.kind = kind
    self.subject = subject
    self.message = message
  }

  /// The error as one line: `error: <subject>: <message>`.
  public var description: String {
    "error: " + (subject.map { $0 + ": " } ?? "") + message
  }
}
