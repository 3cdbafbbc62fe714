import Foundation

/// A reason-code table: which reason statement each model feature (or feature group) maps to.
///
/// The table is checked against the model by its reader, which knows where each entry came
/// from; ``resolved(featureNames:)`` only assumes that every feature it names exists and that
/// no feature appears under two codes.
public struct ReasonTable: Sendable, Hashable, Codable {
  /// The declared codes, in the table's order.
  public var codes: [ReasonCode]
  /// Where the table came from (a file path), or `nil` for the built-in identity table.
  public var source: String?

  /// Creates a table of `codes` read from `source`.
  public init(codes: [ReasonCode], source: String? = nil) {
    self.codes = codes
    self.source = source
  }

  /// The table that maps every feature to itself: code and text are the feature's name.
  public static let identity = ReasonTable(codes: [])

  /// The phrases that make a reason statement generic, which 12 CFR 1002.9(b)(2) calls
  /// insufficient ("internal standards or policies", "failed to achieve a qualifying score").
  ///
  /// Matching is case-insensitive on the whole statement.
  public static let genericPhrases = [
    "internal standard", "internal polic", "insufficient score", "score too low",
    "low score", "qualifying score", "minimum score", "did not meet criteria",
    "does not meet criteria", "did not meet our criteria", "credit scoring system", "other",
    "n/a", "none",
  ]

  /// Whether `text` is a generic statement that names no specific factor.
  ///
  /// A statement is generic when it is empty, equals one of the short phrases (`other`,
  /// `n/a`), or contains one of the longer ``genericPhrases``.
  public static func isGeneric(_ text: String) -> Bool {
    let folded = text.lowercased().trimmingCharacters(in: .whitespaces)
    if folded.isEmpty { return true }
    return genericPhrases.contains { phrase in
      phrase.count <= 5 ? folded == phrase : folded.contains(phrase)
    }
  }

  /// The codes of the table that ``isGeneric(_:)`` calls generic, in table order.
  public var genericCodes: [ReasonCode] {
    codes.filter { $0.isDeclared && ReasonTable.isGeneric($0.text) }
  }

  /// The codes to rank for a model whose features are `featureNames`.
  ///
  /// Every feature the table does not cover becomes a code of its own (its name as code and
  /// text, ``ReasonCode/isDeclared`` `false`), so that no principal factor is dropped
  /// (Supplement I, comment 9(b)(2)-4). The result is ordered by the model position of each
  /// code's first feature: that order breaks ties between equal attributions.
  ///
  /// - Parameter featureNames: The model's features, in its input order.
  /// - Returns: The codes with the model indices of their features.
  public func resolved(featureNames: [String]) -> [ResolvedReasonCode] {
    let position = Dictionary(
      featureNames.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
    var covered = Set<Int>()
    var result: [ResolvedReasonCode] = []
    for code in codes {
      let indices = code.features.compactMap { position[$0] }
      precondition(
        indices.count == code.features.count,
        "reason code '\(code.code)' names a feature outside \(featureNames)")
      covered.formUnion(indices)
      result.append(ResolvedReasonCode(reason: code, featureIndices: indices))
    }
    for (index, name) in featureNames.enumerated() where !covered.contains(index) {
      result.append(
        ResolvedReasonCode(
          reason: ReasonCode(code: name, text: name, features: [name], isDeclared: false),
          featureIndices: [index]))
    }
    return result.sorted { ($0.featureIndices.min() ?? 0) < ($1.featureIndices.min() ?? 0) }
  }
}

/// A reason code together with the model indices of its features.
public struct ResolvedReasonCode: Sendable, Hashable {
  /// The code.
  public var reason: ReasonCode
  /// The model indices of ``ReasonCode/features``.
  public var featureIndices: [Int]
}
