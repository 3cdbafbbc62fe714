import Yams
import _FairSupport

extension YAMLReader {
  /// The text of a scalar; records an error for a list, a mapping or nothing.
  ///
  /// Any scalar is accepted, so `version: 2026.1` reads as the string `2026.1`.
  package func string(_ node: YAMLNode?) -> String? {
    guard let node else { return nil }
    guard node.kind == .scalar, !node.isNull, let text = node.scalarText else {
      error(Message.expected("a string", found: node.found), at: node.position)
      return nil
    }
    return text
  }

  /// The value of a number; records an error for anything else.
  package func number(_ node: YAMLNode?) -> Double? {
    guard let node else { return nil }
    if node.kind == .scalar, node.isPlainScalar, let text = node.scalarText,
      let value = YAMLNumber.parse(text)
    {
      return value
    }
    var notes: [Diagnostic.Note] = []
    if node.kind == .scalar, !node.isPlainScalar, let text = node.scalarText,
      YAMLNumber.parse(text) != nil
    {
      notes.append(Diagnostic.Note(Message.removeQuotes))
    }
    error(Message.expected("a number", found: node.found), at: node.position, notes: notes)
    return nil
  }

  /// The value of a whole number; records an error for anything else.
  package func integer(_ node: YAMLNode?) -> Int? {
    guard let node, let value = number(node) else { return nil }
    guard value.rounded() == value, abs(value) < 1e15 else {
      error(Message.notWhole(node.scalarText ?? ""), at: node.position)
      return nil
    }
    return Int(value)
  }

  /// The value of a boolean (`true`/`false`, or YAML 1.1's `yes`/`no`/`on`/`off`).
  package func bool(_ node: YAMLNode?) -> Bool? {
    guard let node else { return nil }
    if node.isBooleanLiteral, let text = node.scalarText {
      return YAMLNode.trueWords.contains(text)
    }
    error(Message.expected("true or false", found: node.found), at: node.position)
    return nil
  }

  /// A calendar date written `YYYY-MM-DD`; records an error for any other text or an
  /// impossible date such as `2026-02-30`.
  package func date(_ node: YAMLNode?) -> CalendarDate? {
    guard let node else { return nil }
    guard let text = string(node) else { return nil }
    switch CalendarDate.validate(text) {
    case .success(let date):
      return date
    case .failure(.format):
      error(Message.badDateFormat(text), at: node.position)
    case .failure(.impossible(let reason)):
      error(Message.impossibleDate(text, reason: reason), at: node.position)
    }
    return nil
  }

  /// The items of a list; records an error for anything else.
  ///
  /// - Parameter acceptingSingle: Whether a lone scalar stands for a list of one item.
  package func list(_ node: YAMLNode?, acceptingSingle: Bool = false) -> [YAMLNode]? {
    guard let node else { return nil }
    if let items = node.items { return items }
    if acceptingSingle, node.kind == .scalar, !node.isNull { return [node] }
    error(Message.expected("a list", found: node.found), at: node.position)
    return nil
  }

  /// A list of strings; records an error for the list or for each item that is not a string.
  package func stringList(_ node: YAMLNode?, acceptingSingle: Bool = false) -> [String]? {
    guard let items = list(node, acceptingSingle: acceptingSingle) else { return nil }
    let strings = items.compactMap { string($0) }
    return strings.count == items.count ? strings : nil
  }

  /// The entries of a mapping, after checking its keys.
  ///
  /// Each key not in `allowedKeys` is an error at the key, with a "did you mean" note when one
  /// allowed key is close by edit distance. Each absent key of `requiredKeys` is an error at the
  /// mapping's start.
  ///
  /// - Parameters:
  ///   - node: The node to read.
  ///   - allowedKeys: The keys the mapping may hold, in the order the format documents them.
  ///   - requiredKeys: The keys it must hold.
  ///   - context: What the mapping is, for messages: "a rule", "the citation".
  /// - Returns: The mapping, or `nil` when the node is not a mapping.
  package func mapping(
    _ node: YAMLNode?, allowedKeys: [String], requiredKeys: [String] = [], in context: String
  ) -> YAMLMapping? {
    guard let node else { return nil }
    guard case .mapping(let mapping) = node.node else {
      error(Message.expected("a mapping", found: node.found), at: node.position)
      return nil
    }
    var entries: [YAMLMapping.Entry] = []
    for (keyNode, valueNode) in mapping {
      let key = YAMLNode(keyNode)
      guard key.kind == .scalar, let name = key.scalarText else {
        error(Message.complexKey, at: key.position)
        continue
      }
      if !allowedKeys.contains(name) {
        var notes: [Diagnostic.Note] = []
        if let suggestion = Suggestion.candidate(for: name, among: allowedKeys) {
          notes.append(Diagnostic.Note(Message.didYouMean(suggestion)))
        } else if allowedKeys.count <= 12 {
          notes.append(Diagnostic.Note(Message.allowedKeys(allowedKeys)))
        }
        error(Message.unknownKey(name, in: context), at: key.position, notes: notes)
        continue
      }
      entries.append(
        YAMLMapping.Entry(key: name, keyPosition: key.position, value: YAMLNode(valueNode)))
    }
    let result = YAMLMapping(position: node.position, entries: entries)
    for key in requiredKeys where !result.contains(key) {
      error(Message.missingKey(key, in: context), at: node.position)
    }
    return result
  }

  /// The position of the character `offset` scalars into a scalar's value.
  ///
  /// Used to point into a string such as `require: ">= 8O"`. When the value cannot be found
  /// verbatim on the source line (escapes, folded or block scalars), the scalar's own start is
  /// returned.
  package func position(in node: YAMLNode, offset: Int) -> SourcePosition {
    guard let text = node.scalarText, let line = sourceLine(node.position.line) else {
      return node.position
    }
    let skip = node.isPlainScalar ? 0 : 1
    let scalars = Array(line.unicodeScalars)
    let start = node.position.column - 1 + skip
    let prefix = Array(text.unicodeScalars.prefix(offset))
    guard start >= 0, start + prefix.count <= scalars.count,
      Array(scalars[start..<start + prefix.count]) == prefix
    else { return node.position }
    return SourcePosition(line: node.position.line, column: start + prefix.count + 1)
  }
}
