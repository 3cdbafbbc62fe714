/// The `key=value` lines of one section of a LightGBM model file (the header or one
/// `Tree=` block), each with its 1-based line number, and typed access to them.
///
/// Errors name the file, the line and the place (`model.txt:57: error: tree 3,
/// 'left_child': entry 2 is 'x', expected an integer`).
struct LightGBMBlock {
  /// One line's value and where it is.
  struct Entry {
    /// The 1-based line.
    var line: Int
    /// The text after `=`.
    var value: Substring
  }

  /// The file, for messages.
  let file: String
  /// The line that opens the section.
  let line: Int
  /// The tree this block describes, or `nil` for the header.
  let tree: Int?
  /// The entries by key.
  var entries: [String: Entry] = [:]

  /// Creates an empty section opened at `line`.
  init(file: String, line: Int, tree: Int?) {
    self.file = file
    self.line = line
    self.tree = tree
  }

  /// The place of `key` in messages: `tree 3, 'threshold'`, `tree 3, leaf 2, 'leaf_value'`
  /// or `'max_feature_idx'`.
  ///
  /// - Parameters:
  ///   - key: The field.
  ///   - entry: The position of an entry in the field's list, if the message is about one.
  func place(_ key: String, entry: Int? = nil) -> String {
    guard let tree else { return entry.map { "'\(key)', entry \($0)" } ?? "'\(key)'" }
    guard let entry else { return ModelError.treePlace(tree: tree, field: key) }
    let noun = key.hasPrefix("leaf_") ? "leaf" : key.hasPrefix("cat_") ? "entry" : "node"
    return "tree \(tree), \(noun) \(entry), '\(key)'"
  }

  /// The line of `key`, or the section's first line if the key is absent.
  func line(of key: String) -> Int {
    entries[key]?.line ?? line
  }

  /// The raw text of `key`.
  func text(_ key: String) throws(ModelError) -> Entry {
    guard let entry = entries[key] else {
      throw ModelError(
        .malformed, file: file, line: line, place: tree.map { "tree \($0)" },
        message: tree == nil ? "the header has no '\(key)' line" : "has no '\(key)' line")
    }
    return entry
  }

  /// The single integer of `key`.
  func integer(_ key: String) throws(ModelError) -> Int {
    let entry = try text(key)
    guard let value = Int(entry.value.trimmingSpaces) else {
      throw ModelError(
        .malformed, file: file, line: entry.line, place: place(key),
        message: "expected an integer, found '\(entry.value)'")
    }
    return value
  }

  /// The space-separated integers of `key`, which must number `count`.
  func integers(_ key: String, count: Int) throws(ModelError) -> [Int] {
    try values(key, count: count, kind: "an integer") { Int($0) }
  }

  /// The space-separated numbers of `key`, which must number `count`.
  func doubles(_ key: String, count: Int) throws(ModelError) -> [Double] {
    try values(key, count: count, kind: "a number") { Double($0) }
  }

  private func values<Value>(
    _ key: String, count: Int, kind: String, parse: (Substring) -> Value?
  ) throws(ModelError) -> [Value] {
    let entry = try text(key)
    let words = entry.value.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
    guard words.count == count else {
      throw ModelError(
        .invalidStructure, file: file, line: entry.line, place: place(key),
        message: "has \(words.count) \(words.count == 1 ? "entry" : "entries"), expected \(count)")
    }
    var result: [Value] = []
    result.reserveCapacity(count)
    for (index, word) in words.enumerated() {
      guard let value = parse(word) else {
        throw ModelError(
          .malformed, file: file, line: entry.line, place: place(key, entry: index),
          message: "expected \(kind), found '\(word)'")
      }
      result.append(value)
    }
    return result
  }
}
