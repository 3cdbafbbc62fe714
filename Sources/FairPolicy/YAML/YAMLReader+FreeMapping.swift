import Yams

extension YAMLReader {
  /// The entries of a mapping whose keys the user chooses, such as group names or feature
  /// group names, in document order.
  ///
  /// Unlike ``mapping(_:allowedKeys:requiredKeys:in:)`` any scalar key is accepted; a key that
  /// is a list or a mapping is an error at the key. Repeated keys are reported by the parser.
  ///
  /// - Parameter node: The node to read.
  /// - Returns: The mapping, or `nil` (with an error) when the node is not a mapping.
  package func freeMapping(_ node: YAMLNode?) -> YAMLMapping? {
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
      entries.append(
        YAMLMapping.Entry(key: name, keyPosition: key.position, value: YAMLNode(valueNode)))
    }
    return YAMLMapping(position: node.position, entries: entries)
  }
}
