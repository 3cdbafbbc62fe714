/// The entries of a YAML mapping whose keys have been checked, in document order.
package struct YAMLMapping {
  /// One `key: value` pair.
  package struct Entry {
    /// The key's text.
    package var key: String
    /// Where the key starts.
    package var keyPosition: SourcePosition
    /// The value.
    package var value: YAMLNode
  }

  /// Where the mapping starts (its first key, or its `{`).
  package let position: SourcePosition
  /// The entries with scalar keys, in document order.
  package let entries: [Entry]

  /// The value under `key`, if present.
  package subscript(key: String) -> YAMLNode? {
    entries.first { $0.key == key }?.value
  }

  /// Where `key` is written, if present.
  package func keyPosition(of key: String) -> SourcePosition? {
    entries.first { $0.key == key }?.keyPosition
  }

  /// Whether `key` is present.
  package func contains(_ key: String) -> Bool {
    entries.contains { $0.key == key }
  }
}
