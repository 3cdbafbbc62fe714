import _FairSupport

/// Reads waivers with the located YAML reader, for waiver files and the audit manifest.
package enum WaiverParser {
  /// The keys of a waiver.
  static let keys = ["rule", "policy", "subject", "reason", "approver", "expires"]
  /// The keys of a waiver's subject.
  static let subjectKeys = ["grouping", "slice", "feature"]

  /// Reads a list of waivers (the value of a `waivers:` key), recording problems in `reader`.
  ///
  /// A waiver without `expires`, or with an impossible date such as `2026-02-30`, is an error.
  package static func waivers(from node: YAMLNode, reader: YAMLReader) -> [Waiver] {
    (reader.list(node) ?? []).compactMap { waiver(from: $0, reader: reader) }
  }

  /// Reads a waiver file: a mapping with one key, `waivers`.
  ///
  /// - Throws: ``PolicyError`` with every problem found.
  package static func parse(text: String, file: String) throws -> [Waiver] {
    let reader = YAMLReader(text: text, file: file)
    var waivers: [Waiver] = []
    if let root = reader.parseDocument(),
      let top = reader.mapping(
        root, allowedKeys: ["waivers"], requiredKeys: ["waivers"], in: "a waiver file"),
      let list = top["waivers"]
    {
      waivers = self.waivers(from: list, reader: reader)
    }
    if reader.hasErrors { throw PolicyError(diagnostics: reader.diagnostics) }
    return waivers
  }

  private static func waiver(from node: YAMLNode, reader: YAMLReader) -> Waiver? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: keys, requiredKeys: ["rule", "reason", "approver", "expires"],
        in: "a waiver")
    else { return nil }
    let rule = reader.string(mapping["rule"])
    let policy = reader.string(mapping["policy"])
    let reason = reader.string(mapping["reason"])
    let approver = reader.string(mapping["approver"])
    let expires = reader.date(mapping["expires"])
    var subject: SubjectMatch?
    if let subjectNode = mapping["subject"] {
      guard
        let fields = reader.mapping(subjectNode, allowedKeys: subjectKeys, in: "a waiver subject")
      else { return nil }
      subject = SubjectMatch(
        grouping: reader.string(fields["grouping"]), slice: reader.string(fields["slice"]),
        feature: reader.string(fields["feature"]))
    }
    guard let rule, let reason, let approver, let expires else { return nil }
    return Waiver(
      rule: rule, policy: policy, subject: subject, reason: reason, approver: approver,
      expires: expires,
      location: PolicyLocation(
        file: reader.file, line: mapping.position.line, column: mapping.position.column,
        sourceLine: reader.sourceLine(mapping.position.line)))
  }
}

extension Waiver {
  /// Reads a waiver file: a mapping whose one key, `waivers`, lists waivers.
  ///
  /// ```yaml
  /// waivers:
  ///   - rule: eeoc.impact-ratio
  ///     subject: {grouping: age_band, slice: "65+"}
  ///     reason: validated job requirement; see memo 2026-14
  ///     approver: J. Rivera (Model Risk)
  ///     expires: 2026-12-31
  /// ```
  ///
  /// - Throws: ``PolicyError`` with every problem found.
  public static func load(text: String, file: String) throws -> [Waiver] {
    try WaiverParser.parse(text: text, file: file)
  }
}
