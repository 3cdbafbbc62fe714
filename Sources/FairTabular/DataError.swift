public import _FairSupport

/// An error in a data file, with the place where it was found.
///
/// The description has the compiler-style form that editors and CI logs understand:
///
/// ```
/// loans.csv:218: error: column 4 'income': expected a number, found 'n/a'
/// ```
public struct DataError: DiagnosticError {
  /// The category of a data error.
  ///
  /// A struct wrapping a private enumeration, so that new kinds can be added without
  /// breaking clients that switch over the known ones.
  public struct Kind: Hashable, Sendable, CustomStringConvertible {
    private enum Raw: String, Hashable, Sendable {
      case fileNotFound = "file-not-found"
      case unreadable
      case emptyFile = "empty-file"
      case invalidUTF8 = "invalid-utf8"
      case raggedRow = "ragged-row"
      case unterminatedQuote = "unterminated-quote"
      case unexpectedCharacter = "unexpected-character"
      case duplicateHeader = "duplicate-header"
      case emptyHeader = "empty-header"
      case expectedNumber = "expected-number"
      case unknownColumn = "unknown-column"
      case invalidOption = "invalid-option"
      case unknownCategory = "unknown-category"
    }

    private let raw: Raw

    private init(_ raw: Raw) { self.raw = raw }

    /// The file does not exist.
    public static let fileNotFound = Kind(.fileNotFound)
    /// The file exists but could not be read.
    public static let unreadable = Kind(.unreadable)
    /// The file holds no header row.
    public static let emptyFile = Kind(.emptyFile)
    /// A field is not valid UTF-8.
    public static let invalidUTF8 = Kind(.invalidUTF8)
    /// A row has more or fewer fields than the header.
    public static let raggedRow = Kind(.raggedRow)
    /// A quoted field is still open at the end of the file.
    public static let unterminatedQuote = Kind(.unterminatedQuote)
    /// A character follows a closing quote where a delimiter or line end must be.
    public static let unexpectedCharacter = Kind(.unexpectedCharacter)
    /// Two header cells hold the same name.
    public static let duplicateHeader = Kind(.duplicateHeader)
    /// A header cell is empty.
    public static let emptyHeader = Kind(.emptyHeader)
    /// A cell of a column declared numeric is not a number.
    public static let expectedNumber = Kind(.expectedNumber)
    /// A column named by the caller is not in the file.
    public static let unknownColumn = Kind(.unknownColumn)
    /// A reading option is unusable (for example a delimiter that is a quote).
    public static let invalidOption = Kind(.invalidOption)
    /// A label the model cannot score at all (its library would refuse the row).
    public static let unknownCategory = Kind(.unknownCategory)

    /// A stable, kebab-case name of the kind.
    public var description: String { raw.rawValue }
  }

  /// A column of a data file, as an error message names it.
  public struct ColumnReference: Hashable, Sendable {
    /// The 1-based position of the column in the row.
    public var index: Int
    /// The column's header name, if the position is within the header.
    public var name: String?

    /// Creates a reference to the column at the 1-based `index`.
    public init(index: Int, name: String?) {
      self.index = index
      self.name = name
    }
  }

  /// What went wrong.
  public var kind: Kind
  /// The path of the file, as the caller gave it.
  public var file: String
  /// The 1-based physical line of the file, if the error belongs to one.
  public var line: Int?
  /// The column, if the error belongs to one.
  public var column: ColumnReference?
  /// The message, lower-case with no final period.
  public var message: String
  /// The error that caused this one, if any.
  public var underlying: (any Error)?

  /// Creates a data error.
  public init(
    _ kind: Kind, file: String, line: Int? = nil, column: ColumnReference? = nil,
    message: String, underlying: (any Error)? = nil
  ) {
    self.kind = kind
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.underlying = underlying
  }

  /// The error as one diagnostic; the CSV column is its place (`column 4 'income'`).
  public var diagnostics: [Diagnostic] {
    let place = column.map { column in
      "column \(column.index)" + (column.name.map { " '\($0)'" } ?? "")
    }
    return [Diagnostic(file: file, line: line, place: place, message: message)]
  }

  /// The error in compiler style: `file:line: error: column N 'name': message`.
  public var description: String { diagnostics[0].description }
}

extension DataError {
  /// Builders for the messages, kept beside the code that emits them.
  package enum Message {
    static func expectedFields(_ expected: Int, found: Int) -> String {
      "row has \(found) field\(found == 1 ? "" : "s"), header has \(expected)"
    }
    static func expectedNumber(found: String) -> String {
      "expected a number, found '\(found)'"
    }
    static func unexpectedAfterQuote(_ byte: UInt8) -> String {
      "expected a delimiter or line end after the closing quote, found '\(printable(byte))'"
    }
    static let unterminatedQuote = "quoted field is not closed before the end of the file"
    static let emptyFile = "file is empty: a header row is required"
    static let emptyHeader = "header name is empty"
    static func duplicateHeader(firstAt index: Int) -> String {
      "duplicate header name (first used by column \(index))"
    }
    static let invalidUTF8 = "field is not valid UTF-8"
    /// XGBoost re-codes an unseen label as the next stored category in sorted order, and
    /// refuses to score a label that sorts after all of them.
    package static func labelSortsLast(_ label: String, feature: String) -> String {
      "label '\(label)' is not among the model's categories for '\(feature)' and sorts after "
        + "all of them; XGBoost refuses to score such a row, and so does FairGate"
    }

    static func printable(_ byte: UInt8) -> String {
      (0x20..<0x7F).contains(byte)
        ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
    }
  }
}
