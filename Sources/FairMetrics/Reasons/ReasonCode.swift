/// One entry of a reason-code table: a code, the statement an applicant reads, and the
/// features whose attributions it stands for.
///
/// Several features may share a code (a feature group, such as the one-hot columns of one
/// attribute): their attributions are summed before reasons are ranked.
public struct ReasonCode: Sendable, Hashable, Codable {
  /// The code, such as `RC_CHECKING`.
  public var code: String
  /// The reason statement, such as "Status of existing checking account".
  public var text: String
  /// The model features the code stands for, in the order the table gives them.
  public var features: [String]
  /// The prohibited basis the table says the code relates to (such as `sex`), if any.
  ///
  /// A code that declares one can never be a permissible principal reason.
  public var prohibitedBasis: String?
  /// Whether the entry came from a reason table; `false` for a feature the table does not
  /// cover, which stands for itself with its name as code and text.
  public var isDeclared: Bool

  /// Creates a reason code.
  ///
  /// - Parameters:
  ///   - code: The code.
  ///   - text: The reason statement.
  ///   - features: The model features it stands for; at least one.
  ///   - prohibitedBasis: The prohibited basis the code relates to, if the table declares one.
  ///   - isDeclared: Whether a reason table declared the code.
  public init(
    code: String, text: String, features: [String], prohibitedBasis: String? = nil,
    isDeclared: Bool = true
  ) {
    precondition(!features.isEmpty, "'features' of reason code '\(code)' must not be empty")
    self.code = code
    self.text = text
    self.features = features
    self.prohibitedBasis = prohibitedBasis
    self.isDeclared = isDeclared
  }
}
