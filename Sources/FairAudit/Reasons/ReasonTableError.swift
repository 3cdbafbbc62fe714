public import _FairSupport

/// Problems in a reason-code table, each located: `file:line:column` in YAML, the line and
/// column (index and header name) in CSV.
public struct ReasonTableError: DiagnosticError {
  /// Every problem found, in file order.
  public var diagnostics: [Diagnostic]

  /// Creates an error holding `diagnostics`, sorted by position.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.enumerated().sorted { left, right in
      let l = (left.element.line ?? 0, left.element.column ?? 0, left.offset)
      let r = (right.element.line ?? 0, right.element.column ?? 0, right.offset)
      return l < r
    }.map(\.element)
  }

  /// Every diagnostic, rendered.
  public var description: String { renderedDiagnostics }
}

extension ReasonTableError {
  /// The messages of reason-table problems.
  enum Message {
    static func unknownFeature(_ name: String) -> String {
      "unknown feature '\(name)'; the model has no such input"
    }
    static func duplicateCode(_ code: String) -> String {
      "duplicate reason code '\(code)'"
    }
    static func firstCode(_ code: String) -> String {
      "'\(code)' is first defined here"
    }
    static func duplicateFeature(_ feature: String, code: String) -> String {
      "feature '\(feature)' already belongs to reason code '\(code)'; a feature has one code"
    }
    static func empty(_ what: String) -> String {
      "the \(what) is empty"
    }
    static let noCodes = "the table defines no reason code"
    static func missingColumn(_ name: String) -> String {
      "the header has no column '\(name)'; expected 'code,text,features' and optionally "
        + "'prohibited_basis'"
    }
    static func unknownColumn(_ name: String) -> String {
      "unknown column '\(name)'; expected 'code', 'text', 'features' or 'prohibited_basis'"
    }
    static func fieldCount(_ found: Int, expected: Int) -> String {
      "expected \(expected) fields, found \(found)"
    }
    static let unterminatedQuote = "unterminated quoted field"
    static func unreadable(_ reason: String) -> String {
      "cannot read the reason table: \(reason)"
    }
    static func didYouMean(_ name: String) -> String {
      "did you mean '\(name)'?"
    }
  }
}
