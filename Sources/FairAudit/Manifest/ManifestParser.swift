import FairPolicy
import Foundation
import _FairSupport

/// Reads an audit manifest with the located YAML reader, recording every problem in it.
///
/// The parser reads each section even when an earlier one is wrong, so one run reports every
/// mistake; it builds an ``AuditManifest`` only when no error was recorded. Checks here need
/// only the manifest and the file system (files that must exist); checks against the data
/// are in ``ManifestValidator``.
struct ManifestParser {
  /// The top-level keys, in the order the format documents them.
  static let topKeys = [
    "audit", "title", "model", "scores", "data", "decision", "protected", "intersections",
    "minimum_slice_share", "feature_groups", "attributions", "proxies", "reasons", "loss",
    "costs", "statistics", "policies", "waivers", "report",
  ]

  /// The reader holding the text and the diagnostics.
  let reader: YAMLReader
  /// The folder relative paths are resolved against (`""` for the current folder).
  let directory: String
  /// The ids of the shipped policy packs, when the caller knows them; `nil` skips the check.
  let shippedPolicyIDs: [String]?
  /// Whether the rows are read from another file than the manifest's data file, which then
  /// need not exist.
  var rowsGivenElsewhere = false

  /// Creates a parser of `text`, which came from `file`.
  init(text: String, file: String, shippedPolicyIDs: [String]?) {
    reader = YAMLReader(text: text, file: file)
    directory = (file as NSString).deletingLastPathComponent
    self.shippedPolicyIDs = shippedPolicyIDs
  }

  /// Parses the manifest; `nil` when an error was recorded.
  func parse() -> AuditManifest? {
    guard let root = reader.parseDocument(),
      let top = reader.mapping(
        root, allowedKeys: ManifestParser.topKeys,
        requiredKeys: ["audit", "data", "protected", "policies"], in: "an audit manifest")
    else { return nil }
    let identifier = self.identifier(top["audit"])
    let title = reader.string(top["title"])
    let predictions = self.predictions(in: top)
    let data = top["data"].flatMap { self.data($0) }
    let decision = decisionRule(in: top, predictions: predictions)
    var names: [String] = []
    let attributes = top["protected"].flatMap { protectedAttributes($0, names: &names) }
    let intersections = top["intersections"].map { self.intersections($0, names: names) }
    let minimumShare = top["minimum_slice_share"].flatMap { minimumSliceShare($0) }
    let featureGroups = top["feature_groups"].map { self.featureGroups($0) }
    let attributions = top["attributions"].flatMap { self.attributions($0) }
    let proxies = top["proxies"].flatMap { self.proxies($0) }
    let reasons = top["reasons"].flatMap { self.reasons($0) }
    let loss = lossSettings(loss: top["loss"], costs: top["costs"], in: top)
    let statistics = top["statistics"].flatMap { self.statistics($0) }
    let policies = top["policies"].flatMap { self.policies($0) }
    let waivers = top["waivers"].map { WaiverParser.waivers(from: $0, reader: reader) }
    let report = top["report"].flatMap { self.report($0) }
    guard !reader.hasErrors, let identifier, let predictions, let data, let attributes,
      let policies
    else { return nil }
    var manifest = AuditManifest(
      file: reader.file, directory: directory.isEmpty ? "." : directory,
      identifier: identifier.value, predictions: predictions, data: data,
      protectedAttributes: attributes, policies: policies, source: source(),
      identifierPosition: identifier.position)
    manifest.title = title
    manifest.decision = decision
    manifest.intersections = intersections ?? []
    if let minimumShare {
      manifest.minimumSliceShare = minimumShare.value
      manifest.minimumSliceSharePosition = minimumShare.position
    }
    manifest.featureGroups = featureGroups ?? []
    manifest.attributions = attributions ?? .standard
    manifest.proxies = proxies ?? ProxySettings()
    manifest.reasons = reasons ?? .standard
    manifest.loss = loss
    manifest.statistics = statistics ?? .standard
    manifest.waivers = waivers ?? []
    manifest.report = report ?? ReportMetadata()
    manifest.warnings = reader.sortedDiagnostics.filter { $0.severity == .warning }
    return manifest
  }

  /// The manifest's lines, for diagnostics after parsing.
  private func source() -> ManifestSource {
    var lines: [String] = []
    while let line = reader.sourceLine(lines.count + 1) { lines.append(line) }
    return ManifestSource(file: reader.file, lines: lines)
  }

  // MARK: - Top-level values

  private func identifier(_ node: YAMLNode?) -> (value: String, position: SourcePosition)? {
    guard let node, let text = reader.string(node) else { return nil }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }) else {
      reader.error(Message.invalidIdentifier(text), at: node.position)
      return nil
    }
    return (text, node.position)
  }

  private func minimumSliceShare(_ node: YAMLNode) -> (value: Double, position: SourcePosition)? {
    guard let value = reader.number(node) else { return nil }
    guard value >= 0, value < 1 else {
      reader.error(
        Message.shareOutOfRange(node.scalarText ?? "\(value)"), at: node.position,
        notes: ManifestParser.percentNote(value))
      return nil
    }
    return (value, node.position)
  }

  // MARK: - Shared readers

  /// The value of a string that names one of `T`'s cases, with "did you mean" on a miss.
  func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode?, of type: T.Type) -> T?
  where T.RawValue == String {
    guard let node, let text = reader.string(node) else { return nil }
    if let value = T(rawValue: text) { return value }
    let names = T.allCases.map(\.rawValue)
    var notes: [Diagnostic.Note] = []
    let prefix = names.filter { $0.count >= 3 && text.lowercased().hasPrefix($0) }
      .max { $0.count < $1.count }
    if let near = Suggestion.candidate(for: text, among: names) ?? prefix {
      notes.append(Diagnostic.Note(YAMLReader.Message.didYouMean(near)))
    }
    reader.error(
      YAMLReader.Message.expected(
        "one of " + names.map { "'\($0)'" }.joined(separator: ", "), found: node.found),
      at: node.position, notes: notes)
    return nil
  }

  /// A whole number of at least `minimum`; `what` names it in the message.
  func integer(_ node: YAMLNode?, atLeast minimum: Int, what: String) -> Int? {
    guard let node, let value = reader.integer(node) else { return nil }
    guard value >= minimum else {
      reader.error(Message.tooSmall(what, minimum: minimum, found: value), at: node.position)
      return nil
    }
    return value
  }

  /// A number in the open interval `(0, 1)`, or `(0, 1]` when `includingOne`.
  func fraction(_ node: YAMLNode?, what: String, includingOne: Bool = false) -> Double? {
    guard let node, let value = reader.number(node) else { return nil }
    guard value > 0, includingOne ? value <= 1 : value < 1 else {
      reader.error(
        Message.fractionOutOfRange(
          what, found: node.scalarText ?? "\(value)", includingOne: includingOne),
        at: node.position,
        notes: ManifestParser.percentNote(value))
      return nil
    }
    return value
  }

  /// A string that is not empty.
  func name(_ node: YAMLNode?, what: String) -> String? {
    guard let node, let text = reader.string(node) else { return nil }
    guard !text.isEmpty else {
      reader.error(Message.emptyName(what), at: node.position)
      return nil
    }
    return text
  }

  /// A note suggesting a fraction for a value that looks like a percentage (2 to 100).
  static func percentNote(_ value: Double) -> [Diagnostic.Note] {
    value >= 2 && value <= 100 ? [Diagnostic.Note(Message.writeAsFraction(value))] : []
  }

  /// `path` resolved against the manifest's folder, without leading `./` components.
  func resolve(_ path: String) -> String {
    var relative = Substring(path)
    while relative.hasPrefix("./") { relative = relative.dropFirst(2).drop { $0 == "/" } }
    if path.hasPrefix("/") { return path }
    if directory.isEmpty { return relative.isEmpty ? path : String(relative) }
    return directory + "/" + relative
  }

  /// The resolved path of a file the manifest names; an error at the value when it does not
  /// exist or is a folder.
  func existingFile(_ node: YAMLNode?, role: String) -> (written: String, path: String)? {
    guard let node, let written = name(node, what: role) else { return nil }
    let path = resolve(written)
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    let notes = path == written ? [] : [Diagnostic.Note(Message.lookedFor(path))]
    guard exists else {
      reader.error(Message.missingFile(role, written), at: node.position, notes: notes)
      return nil
    }
    guard !isDirectory.boolValue else {
      reader.error(Message.folderNotFile(role, written), at: node.position, notes: notes)
      return nil
    }
    return (written, path)
  }
}
