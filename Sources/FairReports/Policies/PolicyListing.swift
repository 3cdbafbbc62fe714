public import FairPolicy

/// The text of `fairgate policy list` and `fairgate policy check`.
public enum PolicyListing {
  /// Every pack with its rules: id, metric, scope, requirement, severity and citations (with
  /// their status, so withdrawn or superseded guidance reads as such).
  public static func text(_ packs: [PolicyPack]) -> String {
    var lines: [String] = []
    for pack in packs {
      if !lines.isEmpty { lines.append("") }
      lines.append("\(pack.id) \(pack.version) — \(pack.title)")
      lines.append("  \(pack.file)")
      for rule in pack.policy.enabledRules {
        var line = "  \(rule.id): \(rule.metric)"
        if let over = rule.over { line += " over \(over)" }
        if let features = rule.features { line += " features \(features)" }
        line += rule.requirement.map { " \($0)" } ?? " (reported)"
        line += " [\(rule.severity.rawValue)\(rule.isAdvisory ? ", advisory" : "")]"
        if rule.test != .none { line += " test \(rule.test.rawValue)" }
        lines.append(line)
        for citation in rule.citations {
          var text = "      " + citation.text + " (" + citation.kind.rawValue
          if citation.status != .inForce { text += ", " + citation.status.rawValue.uppercased() }
          lines.append(text + ")")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line per checked policy: its id, version, file and rule count.
  public static func checked(_ policies: [Policy]) -> String {
    policies.map {
      "ok: \($0.file): policy '\($0.id)' \($0.version), \($0.enabledRules.count) rules"
    }.joined(separator: "\n") + "\n"
  }
}
