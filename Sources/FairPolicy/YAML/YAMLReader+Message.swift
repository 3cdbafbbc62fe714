extension YAMLReader {
  /// The texts of the reader's diagnostics.
  package enum Message {
    /// The file holds no YAML document.
    static let emptyDocument = "the file is empty"
    /// A tab character in a line's indentation.
    static let tabInIndentation = "tab in indentation; YAML indents with spaces"

    /// The file could not be read as text.
    static func unreadable(_ reason: String) -> String {
      "cannot read the file: \(reason)"
    }

    /// The document nests deeper than the reader allows.
    static func tooDeep(_ limit: Int) -> String {
      "the document is nested more than \(limit) levels deep"
    }

    /// A syntax error from libYAML.
    static func syntax(_ problem: String, context: String?) -> String {
      "invalid YAML: " + problem + (context.map { " " + $0 } ?? "")
    }

    /// A key repeated in one mapping.
    static func duplicateKey(_ key: String) -> String {
      "duplicate key '\(key)'"
    }

    /// Where a repeated key first appears.
    static func firstAppears(_ key: String) -> String {
      "'\(key)' first appears here"
    }

    /// A value of the wrong shape or type.
    package static func expected(_ what: String, found: String) -> String {
      "expected \(what), found \(found)"
    }

    /// A key the mapping does not allow.
    static func unknownKey(_ key: String, in context: String) -> String {
      "unknown key '\(key)' in \(context)"
    }

    /// A required key is absent.
    static func missingKey(_ key: String, in context: String) -> String {
      "missing required key '\(key)' in \(context)"
    }

    /// A "did you mean" suggestion.
    package static func didYouMean(_ suggestion: String) -> String {
      "did you mean '\(suggestion)'?"
    }

    /// The keys a mapping allows, when no single suggestion is close.
    static func allowedKeys(_ keys: [String]) -> String {
      "expected one of " + keys.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// A mapping key that is not a scalar.
    static let complexKey = "expected a key name, found a list or mapping"

    /// A number that should be whole.
    static func notWhole(_ text: String) -> String {
      "expected a whole number, found '\(text)'"
    }

    /// A date in the wrong format.
    static func badDateFormat(_ text: String) -> String {
      "expected a date written YYYY-MM-DD, found '\(text)'"
    }

    /// A date that is not on the calendar.
    static func impossibleDate(_ text: String, reason: String) -> String {
      "'\(text)' is not a calendar date: \(reason)"
    }

    /// A comparison starting with `>`, which YAML reads as a folded block scalar.
    static let quoteComparison =
      "a value starting with '>' begins a folded block in YAML; quote it: \">= 0.8\""

    /// A quoted number.
    static let removeQuotes = "write the number without quotes"
  }
}
