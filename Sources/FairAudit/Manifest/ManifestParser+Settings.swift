import FairAttribution
import FairMetrics
import FairModels
import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The keys of `attributions:`.
  static let attributionKeys = ["method", "output", "background", "samples"]
  /// The keys of `attributions.background:`.
  static let backgroundKeys = ["rows", "file"]
  /// The keys of `proxies:`.
  static let proxyKeys = ["threshold", "declared"]
  /// The keys of `statistics:`.
  static let statisticsKeys = ["bootstrap", "confidence", "seed", "test"]
  /// The keys of `report:`.
  static let reportKeys = [
    "data_source", "data_kind", "audit_date", "distribution_date", "auditor", "notes",
  ]

  /// The `feature_groups:` mapping: group name → member columns; no column in two groups.
  func featureGroups(_ node: YAMLNode) -> [FeatureGroupDeclaration] {
    guard let mapping = reader.freeMapping(node) else { return [] }
    var result: [FeatureGroupDeclaration] = []
    var owners: [String: String] = [:]
    for entry in mapping.entries {
      guard let items = reader.list(entry.value, acceptingSingle: true) else { continue }
      if items.isEmpty {
        reader.error(Message.emptyGroup(entry.key), at: entry.value.position)
        continue
      }
      var members: [String] = []
      var positions: [SourcePosition] = []
      for item in items {
        guard let member = name(item, what: "feature group member") else { continue }
        if let owner = owners[member] {
          reader.error(Message.memberOfTwoGroups(member, owner: owner), at: item.position)
          continue
        }
        owners[member] = entry.key
        members.append(member)
        positions.append(item.position)
      }
      result.append(
        FeatureGroupDeclaration(
          name: entry.key, members: members, namePosition: entry.keyPosition,
          memberPositions: positions))
    }
    return result
  }

  /// The `attributions:` section.
  func attributions(_ node: YAMLNode) -> AttributionSettings? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.attributionKeys, in: "the attribution settings")
    else { return nil }
    let method = mapping["method"].flatMap { choice($0, of: AttributionMethod.self) } ?? .auto
    let output = mapping["output"].flatMap { choice($0, of: OutputSpace.self) } ?? .margin
    let samples = mapping["samples"].flatMap { integer($0, atLeast: 1, what: "samples") }
    if let position = mapping.keyPosition(of: "samples"), method != .auto, !method.isSampling {
      reader.error(Message.samplesNeedSampling(method.rawValue), at: position)
    }
    var background = BackgroundSource.sample(rows: BackgroundSource.defaultRowCount)
    var backgroundFilePosition: SourcePosition?
    if let backgroundNode = mapping["background"],
      let fields = reader.mapping(
        backgroundNode, allowedKeys: ManifestParser.backgroundKeys, in: "the background")
    {
      let rows = fields["rows"].flatMap { integer($0, atLeast: 1, what: "background rows") }
      if let fileNode = fields["file"] {
        if let file = existingFile(fileNode, role: "background file") {
          background = .file(file.path, rows: rows)
          backgroundFilePosition = fileNode.position
        }
      } else if fields["rows"] == nil {
        reader.error(Message.emptyBackground, at: fields.position)
      } else if let rows {
        background = .sample(rows: rows)
      }
      if method != .auto, !method.needsBackground,
        let position = mapping.keyPosition(of: "background")
      {
        reader.warning(Message.backgroundIgnored(method.rawValue), at: position)
      }
    }
    var settings = AttributionSettings(
      method: method, output: output, background: background, samples: samples)
    settings.position = mapping.position
    settings.methodPosition = mapping["method"]?.position
    settings.backgroundFilePosition = backgroundFilePosition
    return settings
  }

  /// The `proxies:` section.
  func proxies(_ node: YAMLNode) -> ProxySettings? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.proxyKeys, in: "the proxy settings")
    else { return nil }
    var settings = ProxySettings()
    if let threshold = mapping["threshold"].flatMap({
      fraction($0, what: "a proxy threshold", includingOne: true)
    }) {
      settings.threshold = threshold
    }
    for item in mapping["declared"].flatMap({ reader.list($0, acceptingSingle: true) }) ?? [] {
      guard let feature = name(item, what: "proxy") else { continue }
      settings.declared.append(feature)
      settings.declaredPositions.append(item.position)
    }
    return settings
  }

  /// The `statistics:` section.
  func statistics(_ node: YAMLNode) -> StatisticsSettings? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.statisticsKeys, in: "the statistics settings")
    else { return nil }
    var settings = StatisticsSettings.standard
    if let replicates = mapping["bootstrap"].flatMap({
      integer($0, atLeast: 0, what: "bootstrap replicates")
    }) {
      settings.bootstrapReplicates = replicates
    }
    if let confidence = mapping["confidence"].flatMap({
      fraction($0, what: "a confidence level")
    }) {
      settings.confidence = confidence
    }
    if let seed = mapping["seed"].flatMap({ integer($0, atLeast: 0, what: "seed") }) {
      settings.seed = UInt64(seed)
    }
    if let test = mapping["test"].flatMap({ choice($0, of: SignificanceTest.Method.self) }) {
      settings.test = test
    }
    return settings
  }

  /// The `policies:` list: shipped pack ids and policy files.
  func policies(_ node: YAMLNode) -> [PolicyReference]? {
    guard let items = reader.list(node, acceptingSingle: true) else { return nil }
    guard !items.isEmpty else {
      reader.error(Message.noPolicies, at: node.position)
      return nil
    }
    var result: [PolicyReference] = []
    var firstPositions: [String: SourcePosition] = [:]
    for item in items {
      guard let entry = name(item, what: "policy") else { continue }
      if let first = firstPositions[entry] {
        reader.error(
          Message.duplicate("policy", entry), at: item.position,
          notes: [Message.firstWritten(entry, at: first)])
        continue
      }
      firstPositions[entry] = item.position
      if PolicyReference.isPath(entry) {
        guard let file = existingFile(item, role: "policy file") else { continue }
        result.append(
          PolicyReference(target: .file(file.path), written: entry, position: item.position))
        continue
      }
      if let known = shippedPolicyIDs, !known.contains(entry) {
        let near = Suggestion.candidate(for: entry, among: known)
        reader.error(
          Message.unknownPack(entry), at: item.position,
          notes: [
            Diagnostic.Note(
              near.map { YAMLReader.Message.didYouMean($0) } ?? Message.knownPacks(known))
          ])
        continue
      }
      result.append(PolicyReference(target: .pack(entry), written: entry, position: item.position))
    }
    return result
  }

  /// The `report:` section.
  func report(_ node: YAMLNode) -> ReportMetadata? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.reportKeys, in: "the report metadata")
    else { return nil }
    return ReportMetadata(
      dataSource: reader.string(mapping["data_source"]),
      dataKind: mapping["data_kind"].flatMap { choice($0, of: ReportMetadata.DataKind.self) },
      auditDate: reader.date(mapping["audit_date"]),
      distributionDate: reader.date(mapping["distribution_date"]),
      auditor: reader.string(mapping["auditor"]), notes: reader.string(mapping["notes"]))
  }
}
