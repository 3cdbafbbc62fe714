import FairMetrics
import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The keys of `reasons:`.
  static let reasonKeys = [
    "table", "top", "reference", "cutoff_band", "background_rows", "age_column",
    "stability_replicates", "perturbation",
  ]

  /// The references `reasons.reference` may name.
  enum ReasonReferenceName: String, CaseIterable {
    case all
    case nearCutoff = "near-cutoff"
  }

  /// The `reasons:` section.
  func reasons(_ node: YAMLNode) -> ReasonSettings? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.reasonKeys, in: "the reason settings")
    else { return nil }
    var settings = ReasonSettings()
    if let tableNode = mapping["table"] {
      settings.table = existingFile(tableNode, role: "reason table")?.path
    }
    if let top = mapping["top"].flatMap({ integer($0, atLeast: 1, what: "top") }) {
      settings.top = top
    }
    let referenceName = mapping["reference"].flatMap { choice($0, of: ReasonReferenceName.self) }
    var band: Double?
    if let bandNode = mapping["cutoff_band"], let value = reader.number(bandNode) {
      if referenceName != .nearCutoff {
        reader.error(Message.bandNeedsNearCutoff, at: bandNode.position)
      } else if !(value >= 0 && value.isFinite) {
        reader.error(Message.negativeBand(bandNode.scalarText ?? "\(value)"), at: bandNode.position)
      } else {
        band = value
      }
    }
    settings.reference = referenceName == .nearCutoff ? .nearCutoff(band: band) : .all
    if let rows = mapping["background_rows"].flatMap({
      integer($0, atLeast: 1, what: "background rows")
    }) {
      settings.backgroundRows = rows
    }
    settings.ageColumn = mapping["age_column"].flatMap { name($0, what: "age column") }
    if let replicatesNode = mapping["stability_replicates"],
      let replicates = integer(replicatesNode, atLeast: 0, what: "stability replicates")
    {
      if replicates == 1 {
        reader.error(Message.oneReplicate, at: replicatesNode.position)
      }
      settings.stabilityReplicates = replicates
    }
    if let perturbation = mapping["perturbation"].flatMap({
      fraction($0, what: "a perturbation")
    }) {
      settings.perturbation = perturbation
    }
    return settings
  }
}

extension ManifestParser.Message {
  static let bandNeedsNearCutoff = "'cutoff_band' is only valid with 'reference: near-cutoff'"
  static func negativeBand(_ found: String) -> String {
    "expected a cutoff band of 0 or more, found '\(found)'"
  }
  static let oneReplicate =
    "expected 0 (no stability measurement) or at least 2 replicates, found 1"
}
