import FairPolicy
import _FairSupport

extension ReasonTableReader {
  /// The keys of a YAML reason table and of one of its codes.
  static let yamlTopKeys = ["version", "reason_codes"]
  static let yamlCodeKeys = ["code", "text", "features", "prohibited_basis"]

  /// Reads the entries of a YAML table, recording problems in `diagnostics`.
  func yamlEntries(_ text: String, file: String, diagnostics: inout [Diagnostic]) -> [Entry] {
    let reader = YAMLReader(text: text, file: file)
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    guard let root = reader.parseDocument(),
      let top = reader.mapping(
        root, allowedKeys: ReasonTableReader.yamlTopKeys, requiredKeys: ["reason_codes"],
        in: "a reason table")
    else { return [] }
    _ = reader.string(top["version"])
    guard let items = reader.list(top["reason_codes"]) else { return [] }
    if items.isEmpty, let node = top["reason_codes"] {
      reader.error(ReasonTableError.Message.noCodes, at: node.position)
    }
    var entries: [Entry] = []
    for item in items {
      guard
        let mapping = reader.mapping(
          item, allowedKeys: ReasonTableReader.yamlCodeKeys,
          requiredKeys: ["code", "text", "features"], in: "a reason code")
      else { continue }
      guard let codeNode = mapping["code"], let code = reader.string(codeNode),
        let text = reader.string(mapping["text"]),
        let featureNodes = reader.list(mapping["features"], acceptingSingle: true)
      else { continue }
      let place = { (node: YAMLNode) in
        Place(
          line: node.position.line, column: node.position.column,
          sourceLine: reader.sourceLine(node.position.line))
      }
      if code.isEmpty {
        reader.error(ReasonTableError.Message.empty("code"), at: codeNode.position)
        continue
      }
      if text.trimmedOfSpaces.isEmpty, let node = mapping["text"] {
        reader.error(ReasonTableError.Message.empty("reason text"), at: node.position)
      }
      var features: [(name: String, place: Place)] = []
      for node in featureNodes {
        guard let name = reader.string(node) else { continue }
        features.append((name, place(node)))
      }
      if featureNodes.isEmpty, let node = mapping["features"] {
        reader.error(ReasonTableError.Message.empty("feature list"), at: node.position)
      }
      entries.append(
        Entry(
          code: code, codePlace: place(codeNode), text: text, features: features,
          prohibitedBasis: reader.string(mapping["prohibited_basis"])))
    }
    return entries
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var trimmedOfSpaces: SubSequence {
    let isSpace = { (character: Character) in character == " " || character == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return self[endIndex...] }
    return self[start...end]
  }
}
