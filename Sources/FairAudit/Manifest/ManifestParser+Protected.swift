import FairMetrics
import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The keys of a protected attribute.
  static let attributeKeys = [
    "name", "column", "bins", "labels", "reference", "unknown", "probabilities",
    "assignment_threshold",
  ]

  /// The `protected:` list: at least one attribute, with distinct names.
  ///
  /// - Parameter names: Receives the name of every entry whose name could be read, even when
  ///   the rest of the entry is wrong, so that intersections are checked against them.
  /// - Returns: The attributes, or `nil` when any is wrong.
  func protectedAttributes(
    _ node: YAMLNode, names: inout [String]
  ) -> [ProtectedAttributeDeclaration]? {
    guard let items = reader.list(node) else { return nil }
    guard !items.isEmpty else {
      reader.error(Message.noProtectedAttributes, at: node.position)
      return nil
    }
    var result: [ProtectedAttributeDeclaration] = []
    var firstNames: [String: SourcePosition] = [:]
    for item in items {
      guard let declaration = attribute(item, names: &names) else { continue }
      if let first = firstNames[declaration.name] {
        reader.error(
          Message.duplicate("protected attribute", declaration.name),
          at: declaration.namePosition,
          notes: [Message.firstWritten(declaration.name, at: first)])
        continue
      }
      firstNames[declaration.name] = declaration.namePosition
      result.append(declaration)
    }
    return result.count == items.count ? result : nil
  }

  private func attribute(
    _ node: YAMLNode, names: inout [String]
  ) -> ProtectedAttributeDeclaration? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.attributeKeys, requiredKeys: ["name"],
        in: "a protected attribute")
    else { return nil }
    let nameNode = mapping["name"]
    let name = nameNode.flatMap { self.name($0, what: "attribute name") }
    if let name { names.append(name) }
    let reference = mapping["reference"].flatMap { reader.string($0) }
    let unknown = mapping["unknown"].flatMap { reader.stringList($0, acceptingSingle: true) }
    let source: (source: ProtectedAttribute.Source, positions: [SourcePosition])?
    switch (mapping["column"], mapping["probabilities"]) {
    case (_?, _?):
      reader.error(
        Message.columnAndProbabilities,
        at: mapping.keyPosition(of: "probabilities") ?? mapping.position)
      source = nil
    case (let columnNode?, nil):
      source = columnSource(columnNode, in: mapping)
    case (nil, let probabilitiesNode?):
      for key in ["bins", "labels"] {
        if let position = mapping.keyPosition(of: key) {
          reader.error(Message.needsColumn(key), at: position)
        }
      }
      source = probabilitySource(probabilitiesNode)
    case (nil, nil):
      reader.error(Message.columnOrProbabilities, at: mapping.position)
      source = nil
    }
    var threshold = 0.8
    if let thresholdNode = mapping["assignment_threshold"] {
      if mapping["probabilities"] == nil,
        let position = mapping.keyPosition(of: "assignment_threshold")
      {
        reader.error(Message.assignmentNeedsProbabilities, at: position)
      } else if let value = fraction(
        thresholdNode, what: "an assignment threshold", includingOne: true)
      {
        threshold = value
      }
    }
    guard let name, let nameNode, let source else { return nil }
    let attribute = ProtectedAttribute(
      name: name, source: source.source, reference: reference, unknownValues: unknown ?? [],
      assignmentThreshold: threshold)
    if let reference, let referenceNode = mapping["reference"] {
      checkReference(reference, of: attribute, at: referenceNode.position)
    }
    return ProtectedAttributeDeclaration(
      attribute: attribute, position: mapping.position, namePosition: nameNode.position,
      columnPositions: source.positions, referencePosition: mapping["reference"]?.position)
  }

  /// A column, optionally cut into bins.
  private func columnSource(
    _ node: YAMLNode, in mapping: YAMLMapping
  ) -> (source: ProtectedAttribute.Source, positions: [SourcePosition])? {
    let column = name(node, what: "column")
    guard let binsNode = mapping["bins"] else {
      if let position = mapping.keyPosition(of: "labels") {
        reader.error(Message.labelsNeedBins, at: position)
      }
      return column.map { (.column($0), [node.position]) }
    }
    let edges = binEdges(binsNode)
    var labels: [String]?
    if let labelsNode = mapping["labels"], let written = reader.stringList(labelsNode) {
      labels = written
      if let edges, written.count != edges.count - 1 {
        reader.error(
          Message.labelCount(expected: edges.count - 1, edges: edges.count, found: written.count),
          at: labelsNode.position)
      }
      let items = labelsNode.items ?? []
      var seen: [String: SourcePosition] = [:]
      for (label, item) in zip(written, items) {
        if let first = seen[label] {
          reader.error(
            Message.duplicate("bin label", label), at: item.position,
            notes: [Message.firstWritten(label, at: first)])
        } else {
          seen[label] = item.position
        }
      }
    }
    guard let column, let edges else { return nil }
    return (.bins(column: column, edges: edges, labels: labels), [node.position])
  }

  /// Bin edges: at least two numbers, strictly increasing; `.inf` may end them and `-.inf`
  /// start them.
  private func binEdges(_ node: YAMLNode) -> [Double]? {
    guard let items = reader.list(node) else { return nil }
    var edges: [Double] = []
    var isValid = true
    for (index, item) in items.enumerated() {
      let text = item.kind == .scalar ? item.scalarText ?? "" : ""
      let value: Double?
      if [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].contains(text) {
        value = .infinity
        if index != items.count - 1 {
          reader.error(Message.infinityNotLast, at: item.position)
          isValid = false
        }
      } else if ["-.inf", "-.Inf", "-.INF"].contains(text) {
        value = -.infinity
        if index != 0 {
          reader.error(Message.negativeInfinityNotFirst, at: item.position)
          isValid = false
        }
      } else {
        value = reader.number(item)
      }
      guard let value else {
        isValid = false
        continue
      }
      if let previous = edges.last, previous.isFinite, value <= previous {
        reader.error(
          Message.binsOverlap(text, previous: ManifestParser.format(previous)), at: item.position
        )
        isValid = false
      }
      edges.append(value)
    }
    if items.count < 2 {
      reader.error(Message.tooFewEdges(items.count), at: node.position)
      return nil
    }
    return isValid ? edges : nil
  }

  /// Groups with one column of membership probabilities each.
  private func probabilitySource(
    _ node: YAMLNode
  ) -> (source: ProtectedAttribute.Source, positions: [SourcePosition])? {
    guard let mapping = reader.freeMapping(node) else { return nil }
    var groups: [ProtectedAttribute.GroupColumn] = []
    var positions: [SourcePosition] = []
    for entry in mapping.entries {
      guard let column = name(entry.value, what: "probability column") else { continue }
      groups.append(ProtectedAttribute.GroupColumn(group: entry.key, column: column))
      positions.append(entry.value.position)
    }
    guard mapping.entries.count >= 2 else {
      reader.error(Message.tooFewGroups(mapping.entries.count), at: node.position)
      return nil
    }
    guard groups.count == mapping.entries.count else { return nil }
    return (.probabilities(groups), positions)
  }

  /// Checks a reference group against groups known without the data (bins, probabilities).
  private func checkReference(
    _ reference: String, of attribute: ProtectedAttribute, at position: SourcePosition
  ) {
    let groups: [String]
    switch attribute.source {
    case .column: return
    case .bins(_, let edges, let labels):
      groups =
        labels
        ?? (0..<(edges.count - 1)).map {
          ProtectedAttribute.binLabel(lower: edges[$0], upper: edges[$0 + 1])
        }
    case .probabilities(let columns):
      groups = columns.map(\.group)
    }
    guard !groups.contains(reference) else { return }
    reader.error(
      Message.referenceNotAGroup(reference, attribute: attribute.name), at: position,
      notes: [Message.groupNote(reference, among: groups)])
  }

  /// A bin edge as written in messages: whole numbers without a fraction.
  static func format(_ value: Double) -> String {
    if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
