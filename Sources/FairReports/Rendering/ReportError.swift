public import _FairSupport

/// An error reading a findings document or preparing a report, with where it is.
///
/// The description has the compiler-style form of every FairGate diagnostic:
///
/// ```
/// findings.json: error: findings[3].value: expected a number, found a string
/// ```
public struct ReportError: DiagnosticError {
  /// The category of a report error.
  ///
  /// A struct wrapping a private enumeration, so that new kinds can be added without
  /// breaking clients that switch over the known ones.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    private enum Raw: String, Hashable, Sendable {
      case invalidJSON = "invalid-json"
      case missingSchema = "missing-schema"
      case unsupportedSchema = "unsupported-schema"
      case invalidDocument = "invalid-document"
      case unknownKey = "unknown-key"
      case invalidSourceDateEpoch = "invalid-source-date-epoch"
    }

    private let raw: Raw

    private init(_ raw: Raw) { self.raw = raw }

    /// The bytes are not JSON.
    public static let invalidJSON = Kind(.invalidJSON)
    /// The document has no `schema` key.
    public static let missingSchema = Kind(.missingSchema)
    /// The document's `schema` is not one this version reads.
    public static let unsupportedSchema = Kind(.unsupportedSchema)
    /// A key is missing or holds a value of the wrong type.
    public static let invalidDocument = Kind(.invalidDocument)
    /// A key the document type does not know (strict decoding).
    public static let unknownKey = Kind(.unknownKey)
    /// `SOURCE_DATE_EPOCH` is not a non-negative whole number of seconds.
    public static let invalidSourceDateEpoch = Kind(.invalidSourceDateEpoch)

    /// A stable, kebab-case name of the kind.
    public var description: String { raw.rawValue }
  }

  /// What went wrong.
  public var kind: Kind
  /// The path of the file, if the error belongs to one.
  public var file: String?
  /// The key path inside the document, such as `findings[3].value`, if known.
  public var path: String?
  /// The message, lower-case with no final period.
  public var message: String
  /// The error that caused this one, if any.
  public var underlying: (any Error)?

  /// Creates a report error.
  public init(
    _ kind: Kind, file: String?, path: String? = nil, message: String,
    underlying: (any Error)? = nil
  ) {
    self.kind = kind
    self.file = file
    self.path = path
    self.message = message
    self.underlying = underlying
  }

  /// The error as one diagnostic; the key path is its place.
  public var diagnostics: [Diagnostic] {
    [Diagnostic(file: file, place: path, message: message)]
  }

  /// The error in compiler style: `file: error: path: message`.
  public var description: String { diagnostics[0].description }
}

extension ReportError {
  static func invalidJSON(file: String?, underlying: any Error) -> ReportError {
    ReportError(
      .invalidJSON, file: file, message: "not a JSON object", underlying: underlying)
  }

  static func missingSchema(file: String?) -> ReportError {
    ReportError(
      .missingSchema, file: file, path: "schema",
      message: "missing schema; expected '\(FindingsDocument.schemaVersion)'")
  }

  static func unsupportedSchema(_ found: String, file: String?) -> ReportError {
    ReportError(
      .unsupportedSchema, file: file, path: "schema",
      message: "unsupported schema '\(found)'; expected '\(FindingsDocument.schemaVersion)'")
  }

  static func unknownKey(_ path: String, file: String?) -> ReportError {
    ReportError(.unknownKey, file: file, path: path, message: "unknown key")
  }

  static func invalidSourceDateEpoch(_ value: String) -> ReportError {
    ReportError(
      .invalidSourceDateEpoch, file: nil, path: "SOURCE_DATE_EPOCH",
      message: "expected a non-negative whole number of seconds, found '\(value)'")
  }

  static func invalidDocument(_ error: DecodingError, file: String?) -> ReportError {
    func keyPath(_ codingPath: [any CodingKey]) -> String? {
      guard !codingPath.isEmpty else { return nil }
      var text = ""
      for key in codingPath {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + snakeCase(key.stringValue)
        }
      }
      return text
    }
    switch error {
    case .keyNotFound(let key, let context):
      let path = keyPath(context.codingPath + [key])
      return ReportError(
        .invalidDocument, file: file, path: path, message: "missing key", underlying: error)
    case .typeMismatch(let type, let context):
      return ReportError(
        .invalidDocument, file: file, path: keyPath(context.codingPath),
        message: "expected \(describe(type))", underlying: error)
    case .valueNotFound(let type, let context):
      return ReportError(
        .invalidDocument, file: file, path: keyPath(context.codingPath),
        message: "expected \(describe(type)), found null", underlying: error)
    case .dataCorrupted(let context):
      return ReportError(
        .invalidDocument, file: file, path: keyPath(context.codingPath),
        message: context.debugDescription.lowercasedFirst.trimmingFinalPeriod,
        underlying: error)
    @unknown default:
      return ReportError(
        .invalidDocument, file: file, message: "invalid document", underlying: error)
    }
  }

  /// A decoded key as the JSON spells it: `groupSize` reads `group_size`.
  private static func snakeCase(_ key: String) -> String {
    var result = ""
    for character in key {
      if character.isUppercase {
        result += "_" + character.lowercased()
      } else {
        result.append(character)
      }
    }
    return result
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    case is Int.Type, is UInt64.Type: "a whole number"
    case is Double.Type: "a number"
    case is [Any].Type: "an array"
    default: "a value of type '\(type)'"
    }
  }
}

extension String {
  fileprivate var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }

  fileprivate var trimmingFinalPeriod: String {
    hasSuffix(".") ? String(dropLast()) : self
  }
}
