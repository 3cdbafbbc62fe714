extension PolicyParser {
  /// Reads `over`: `all`, one grouping, or a list of groupings, where a grouping is a name,
  /// `a x b`, or a list `[a, b]`.
  func groupingScope(_ node: YAMLNode) -> GroupingScope? {
    if node.kind == .scalar, node.scalarText == "all" { return .all }
    if node.kind == .scalar {
      return grouping(node).map { .groupings([$0]) }
    }
    guard let items = reader.list(node) else { return nil }
    if items.isEmpty {
      reader.error(Message.emptyList("over"), at: node.position)
      return nil
    }
    var groupings: [Grouping] = []
    var isValid = true
    for item in items {
      if item.kind == .scalar, item.scalarText == "all" {
        reader.error(Message.allInList, at: item.position)
        isValid = false
      } else if let grouping = grouping(item) {
        groupings.append(grouping)
      } else {
        isValid = false
      }
    }
    return isValid ? .groupings(groupings) : nil
  }

  /// Reads one grouping: `sex`, `sex x race`, or `[sex, race]`.
  func grouping(_ node: YAMLNode) -> Grouping? {
    if node.kind == .list {
      guard let names = reader.stringList(node) else { return nil }
      guard !names.isEmpty else {
        reader.error(Message.emptyList("over"), at: node.position)
        return nil
      }
      return checkedIntersection(names, at: node.position)
    }
    guard let text = reader.string(node) else { return nil }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    var names: [String] = []
    var expectsName = true
    for word in words {
      let isCross = word == "x" || word == "×" || word == "X"
      if expectsName, !isCross {
        names.append(word)
        expectsName = false
      } else if !expectsName, isCross {
        expectsName = true
      } else {
        reader.error(Message.badGrouping(text), at: node.position)
        return nil
      }
    }
    guard !names.isEmpty, !expectsName else {
      reader.error(Message.badGrouping(text), at: node.position)
      return nil
    }
    return checkedIntersection(names, at: node.position)
  }

  private func checkedIntersection(_ names: [String], at position: SourcePosition) -> Grouping? {
    var seen: Set<String> = []
    for name in names where !seen.insert(name).inserted {
      reader.error(Message.repeatedAttribute(name), at: position)
      return nil
    }
    return Grouping(names)
  }

  /// Reads `features`: `all`, `protected`, `proxies`, a name, a list of names, or
  /// `{group: NAME}`.
  func featureScope(_ node: YAMLNode) -> FeatureScope? {
    switch node.kind {
    case .scalar:
      guard let text = reader.string(node) else { return nil }
      switch text {
      case "all": return .all
      case "protected": return .protected
      case "proxies": return .proxies
      default: return .names([text])
      }
    case .list:
      guard let names = reader.stringList(node) else { return nil }
      guard !names.isEmpty else {
        reader.error(Message.emptyList("features"), at: node.position)
        return nil
      }
      return .names(names)
    case .mapping:
      guard
        let mapping = reader.mapping(
          node, allowedKeys: ["group"], requiredKeys: ["group"], in: "'features'"),
        let name = reader.string(mapping["group"])
      else { return nil }
      return .group(name)
    }
  }
}
