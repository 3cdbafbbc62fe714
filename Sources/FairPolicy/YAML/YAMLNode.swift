import Yams

/// One node of a YAML document, with the place where it starts.
///
/// A thin wrapper over a Yams node: other targets read YAML through ``YAMLReader`` and this
/// type without importing Yams themselves.
package struct YAMLNode {
  /// What shape a node has.
  package enum Kind: Hashable, Sendable {
    /// A string, number, boolean, date or null.
    case scalar
    /// A sequence (`- a` or `[a, b]`).
    case list
    /// A mapping (`key: value` or `{key: value}`).
    case mapping
  }

  /// The Yams node.
  let node: Node
  /// Where the node starts: the first character of a scalar (its quote, if quoted), the `-` or
  /// `[` of a list, or the first key or `{` of a mapping.
  package let position: SourcePosition

  init(_ node: Node) {
    self.node = node
    let mark = node.mark
    position = SourcePosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// The node's shape.
  package var kind: Kind {
    switch node {
    case .scalar, .alias: return .scalar
    case .sequence: return .list
    case .mapping: return .mapping
    }
  }

  /// The text of a scalar as written (after unquoting), or `nil` for lists and mappings.
  package var scalarText: String? {
    if case .scalar(let scalar) = node { return scalar.string }
    return nil
  }

  /// Whether the node is a plain (unquoted, non-block) scalar.
  var isPlainScalar: Bool {
    if case .scalar(let scalar) = node { return scalar.style == .plain || scalar.style == .any }
    return false
  }

  /// Whether the node is an empty or `null`/`~` plain scalar.
  package var isNull: Bool {
    guard isPlainScalar, let text = scalarText else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(text)
  }

  /// Whether the node is a plain scalar spelling a YAML boolean.
  var isBooleanLiteral: Bool {
    guard isPlainScalar, let text = scalarText else { return false }
    return YAMLNode.trueWords.contains(text) || YAMLNode.falseWords.contains(text)
  }

  /// The items of a list, or `nil` for other nodes.
  package var items: [YAMLNode]? {
    if case .sequence(let sequence) = node { return sequence.map(YAMLNode.init) }
    return nil
  }

  /// A short description of what the node is, for "expected …, found …" messages.
  package var found: String {
    switch node {
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .scalar, .alias:
      if isNull { return "nothing" }
      if isBooleanLiteral { return "a boolean '\(scalarText ?? "")'" }
      if isPlainScalar, let text = scalarText, YAMLNumber.parse(text) != nil {
        return "a number '\(text)'"
      }
      return "a string '\(YAMLNode.shortened(scalarText ?? ""))'"
    }
  }

  /// YAML's spellings of true (YAML 1.1 and 1.2, as Yams resolves them).
  static let trueWords: Set<String> = [
    "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON",
  ]
  /// YAML's spellings of false.
  static let falseWords: Set<String> = [
    "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF",
  ]

  /// `text`, cut to 40 characters with an ellipsis, on one line.
  static func shortened(_ text: String) -> String {
    let oneLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    let cut = oneLine.count > 40 || oneLine.count < text.count
    return cut ? String(oneLine.prefix(40)) + "…" : oneLine
  }
}
