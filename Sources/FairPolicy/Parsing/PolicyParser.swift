import Yams
import _FairSupport

/// Reads one policy file into a ``PolicyDocument``, recording every problem in its reader.
///
/// Checks here need only the file itself: keys, types, enumerations, the comparison grammar,
/// metric names and duplicate rule ids. Checks that need the complete rule (after `extends`)
/// are in ``RuleChecker``.
struct PolicyParser {
  /// The keys of a policy file.
  static let topKeys = ["policy", "title", "version", "notes", "extends", "rules"]
  /// The keys of a rule.
  static let ruleKeys = [
    "id", "title", "metric", "over", "features", "require", "severity", "min_group_size", "test",
    "alpha", "citation", "rationale", "advisory", "enabled",
  ]
  /// The keys of a citation.
  static let citationKeys = ["text", "kind", "status", "url", "note"]

  let reader: YAMLReader
  let catalog: MetricCatalog

  /// Parses `text`; the document's reader holds the diagnostics.
  static func parse(text: String, file: String, catalog: MetricCatalog) -> PolicyDocument {
    let parser = PolicyParser(reader: YAMLReader(text: text, file: file), catalog: catalog)
    return parser.document()
  }

  private func document() -> PolicyDocument {
    var document = PolicyDocument(reader: reader)
    guard let root = reader.parseDocument(),
      let top = reader.mapping(
        root, allowedKeys: PolicyParser.topKeys, requiredKeys: ["policy", "title", "version"],
        in: "a policy")
    else { return document }
    if let node = top["policy"], let id = reader.string(node) {
      document.id = Located(value: id, position: node.position)
    }
    document.title = reader.string(top["title"])
    document.version = reader.string(top["version"])
    document.notes = reader.string(top["notes"])
    for item in reader.list(top["extends"], acceptingSingle: true) ?? [] {
      if let name = reader.string(item) {
        document.extends.append(Located(value: name, position: item.position))
      }
    }
    var firstIDs: [String: SourcePosition] = [:]
    for item in reader.list(top["rules"]) ?? [] {
      guard let rule = rule(item) else { continue }
      if let first = firstIDs[rule.id.value] {
        reader.error(
          Message.duplicateRule(rule.id.value), at: rule.id.position,
          notes: [
            Diagnostic.Note(Message.firstDeclared, line: first.line, column: first.column)
          ])
      } else {
        firstIDs[rule.id.value] = rule.id.position
      }
      document.rules.append(rule)
    }
    return document
  }

  private func rule(_ node: YAMLNode) -> RuleDeclaration? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: PolicyParser.ruleKeys, requiredKeys: ["id"], in: "a rule"),
      let idNode = mapping["id"], let id = reader.string(idNode)
    else { return nil }
    var rule = RuleDeclaration(
      position: mapping.position, id: Located(value: id, position: idNode.position))
    rule.hasMetricKey = mapping.contains("metric")
    rule.title = located(mapping["title"]) { reader.string($0) }
    rule.metric = located(mapping["metric"]) { metric($0) }
    rule.over = located(mapping["over"]) { groupingScope($0) }
    rule.overItemPositions = itemPositions(mapping["over"])
    rule.features = located(mapping["features"]) { featureScope($0) }
    rule.featureItemPositions = itemPositions(mapping["features"])
    if let node = mapping["require"], let parsed = requirement(node) {
      rule.requirement = Located(value: parsed.requirement, position: node.position)
      rule.boundPositions = parsed.boundOffsets.map { reader.position(in: node, offset: $0) }
    }
    rule.severity = located(mapping["severity"]) { choice($0, Severity.self, named: "severity") }
    rule.minimumGroupSize = located(mapping["min_group_size"]) { minimumGroupSize($0) }
    rule.test = located(mapping["test"]) { choice($0, SignificanceTest.self, named: "test") }
    rule.alpha = located(mapping["alpha"]) { alpha($0) }
    rule.citations = located(mapping["citation"]) { citations($0) }
    rule.rationale = located(mapping["rationale"]) { reader.string($0) }
    rule.advisory = located(mapping["advisory"]) { reader.bool($0) }
    rule.enabled = located(mapping["enabled"]) { reader.bool($0) }
    return rule
  }

  private func itemPositions(_ node: YAMLNode?) -> [SourcePosition] {
    guard let node else { return [] }
    if case .mapping(let mapping) = node.node,
      let group = mapping.first(where: { $0.key.string == "group" })?.value
    {
      return [YAMLNode(group).position]
    }
    return node.items?.map(\.position) ?? [node.position]
  }

  private func located<Value>(
    _ node: YAMLNode?, _ read: (YAMLNode) -> Value?
  ) -> Located<Value>? {
    guard let node, let value = read(node) else { return nil }
    return Located(value: value, position: node.position)
  }

  private func metric(_ node: YAMLNode) -> String? {
    guard let name = reader.string(node) else { return nil }
    guard catalog.definition(named: name) != nil else {
      let notes = Suggestion.candidate(for: name, among: catalog.names).map {
        [Diagnostic.Note(YAMLReader.Message.didYouMean($0))]
      }
      reader.error(Message.unknownMetric(name), at: node.position, notes: notes ?? [])
      return nil
    }
    return name
  }

  private func requirement(_ node: YAMLNode) -> RequirementParser.Parsed? {
    guard let text = reader.string(node) else { return nil }
    switch RequirementParser.parse(text) {
    case .success(let parsed):
      return parsed
    case .failure(let failure):
      reader.error(
        failure.message, at: reader.position(in: node, offset: failure.offset),
        notes: failure.note.map { [Diagnostic.Note($0)] } ?? [])
      return nil
    }
  }

  private func choice<Choice: RawRepresentable & CaseIterable>(
    _ node: YAMLNode, _ type: Choice.Type, named key: String
  ) -> Choice? where Choice.RawValue == String {
    guard let text = reader.string(node) else { return nil }
    if let value = Choice(rawValue: text) { return value }
    let names = Choice.allCases.map(\.rawValue)
    let note =
      Suggestion.candidate(for: text, among: names)
      ?? names.first { !text.isEmpty && $0.hasPrefix(text.lowercased()) }
    reader.error(
      Message.unknownChoice(key, text, expected: names), at: node.position,
      notes: note.map { [Diagnostic.Note(YAMLReader.Message.didYouMean($0))] } ?? [])
    return nil
  }

  private func minimumGroupSize(_ node: YAMLNode) -> Int? {
    guard let value = reader.integer(node) else { return nil }
    guard value >= 1 else {
      reader.error(Message.minimumGroupSize(value), at: node.position)
      return nil
    }
    return value
  }

  private func alpha(_ node: YAMLNode) -> Double? {
    guard let value = reader.number(node) else { return nil }
    guard value > 0, value < 1 else {
      reader.error(Message.alpha(node.scalarText ?? "\(value)"), at: node.position)
      return nil
    }
    return value
  }

  /// Reads `citation`: one citation mapping, or a list of them (the primary one first).
  private func citations(_ node: YAMLNode) -> [Citation]? {
    guard let items = node.items else { return citation(node).map { [$0] } }
    guard !items.isEmpty else {
      reader.error(Message.emptyList("citation"), at: node.position)
      return nil
    }
    let citations = items.compactMap(citation)
    return citations.count == items.count ? citations : nil
  }

  private func citation(_ node: YAMLNode) -> Citation? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: PolicyParser.citationKeys, requiredKeys: ["text", "kind"],
        in: "a citation")
    else { return nil }
    let text = reader.string(mapping["text"])
    let kind = mapping["kind"].flatMap { choice($0, Citation.Kind.self, named: "citation kind") }
    let status = mapping["status"].map { choice($0, Citation.Status.self, named: "status") }
    let url = reader.string(mapping["url"])
    let note = reader.string(mapping["note"])
    guard let text, let kind, status != .some(nil) else { return nil }
    return Citation(
      text: text, kind: kind, status: status.flatMap { $0 } ?? .inForce, url: url, note: note)
  }
}
