public import _FairSupport

/// An error in a model file, with the place where it was found.
///
/// The place is what a person needs to find the problem: a line for text formats, a tree,
/// node and field for tree ensembles, an element path for PMML. The description reads
///
/// ```
/// model.json: error: tree 3, node 17, 'left_children': child 99 is out of range 0..<31
/// ```
public struct ModelError: DiagnosticError {
  /// The category of a model error.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    private enum Raw: String, Hashable, Sendable {
      case fileNotFound = "file-not-found"
      case unreadable
      case unknownFormat = "unknown-format"
      case malformed
      case unsupported
      case invalidStructure = "invalid-structure"
      case insecure
      case invalidInput = "invalid-input"
    }

    private let raw: Raw
    private init(_ raw: Raw) { self.raw = raw }

    /// The file does not exist.
    public static let fileNotFound = Kind(.fileNotFound)
    /// The file exists but could not be read.
    public static let unreadable = Kind(.unreadable)
    /// The content is no model format FairGate reads.
    public static let unknownFormat = Kind(.unknownFormat)
    /// The file does not parse (truncated JSON, a bad number, a missing field).
    public static let malformed = Kind(.malformed)
    /// The model uses something FairGate does not evaluate (an objective, an element).
    public static let unsupported = Kind(.unsupported)
    /// The model parses but is inconsistent (a child out of range, a cycle).
    public static let invalidStructure = Kind(.invalidStructure)
    /// The document asks for something unsafe (an external entity, a DTD).
    public static let insecure = Kind(.insecure)
    /// The model refuses an input row (an invalid value under `returnInvalid`, no prediction).
    public static let invalidInput = Kind(.invalidInput)

    /// A stable, kebab-case name of the kind.
    public var description: String { raw.rawValue }
  }

  /// What went wrong.
  public var kind: Kind
  /// The path of the model file, as the caller gave it.
  public var file: String
  /// The 1-based line, for text formats, if known.
  public var line: Int?
  /// The place inside the model: `tree 3, node 17, 'left_children'` or an element path.
  public var place: String?
  /// The message, lower-case with no final period.
  public var message: String
  /// The error that caused this one, if any.
  public var underlying: (any Error)?

  /// Creates a model error.
  public init(
    _ kind: Kind, file: String, line: Int? = nil, place: String? = nil, message: String,
    underlying: (any Error)? = nil
  ) {
    self.kind = kind
    self.file = file
    self.line = line
    self.place = place
    self.message = message
    self.underlying = underlying
  }

  /// The place of a field of a node of a tree, as messages name it.
  public static func treePlace(tree: Int, node: Int? = nil, field: String? = nil) -> String {
    var text = "tree \(tree)"
    if let node { text += ", node \(node)" }
    if let field { text += ", '\(field)'" }
    return text
  }

  /// The error as one diagnostic.
  public var diagnostics: [Diagnostic] {
    [Diagnostic(file: file, line: line, place: place, message: message)]
  }

  /// The error in compiler style: `file:line: error: place: message`.
  public var description: String { diagnostics[0].description }
}
