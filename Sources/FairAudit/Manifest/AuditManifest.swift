public import FairMetrics
public import FairPolicy
public import _FairSupport

/// An audit manifest: what to audit, on which data, against which policies.
///
/// A manifest (`fairgate.yaml`) binds a model or recorded scores, a dataset with its label
/// and id columns, the decision rule, the protected attributes and their intersections,
/// feature groups, attribution and statistics settings, the policies to apply and their
/// waivers. See <doc:AuditManifestFormat> for the format.
///
/// ```swift
/// let manifest = try AuditManifest.load(path: "fairgate.yaml")
/// let dataset = try CSVReader(options: manifest.data.csvOptions)
///   .read(contentsOf: manifest.data.path)
/// let warnings = try manifest.validate(against: dataset)
/// for grouping in manifest.groupings { … }
/// ```
///
/// Reading checks everything the manifest says by itself (keys, types, ranges, files that
/// must exist); ``validate(against:)`` checks the columns and values it names against the
/// data. Every value keeps the place where it is written, so later checks can point at it.
public struct AuditManifest: Sendable, Equatable {
  /// The manifest's path, as the user gave it.
  public var file: String
  /// The SHA-256 of the bytes the manifest was parsed from, when it was read from a file.
  package var sourceSHA256: String?
  /// The folder that relative paths are resolved against: the manifest's folder, or `.`.
  public var directory: String
  /// The audit's identifier (`audit:`).
  public var identifier: String
  /// The audit's title, if given.
  public var title: String?
  /// What is audited: a model or recorded scores and decisions.
  public var predictions: PredictionSource
  /// The data file and its special columns.
  public var data: DataDeclaration
  /// How scores become decisions; `nil` when decisions come from a decision column.
  public var decision: DecisionDeclaration?
  /// The protected attributes, in the order written; at least one.
  public var protectedAttributes: [ProtectedAttributeDeclaration]
  /// The intersections, in the order written.
  public var intersections: [IntersectionDeclaration]
  /// Slices whose share of the data is below this are left out of comparisons (LL144's 2%
  /// exclusion); 0 excludes none.
  public var minimumSliceShare: Double
  /// The feature groups, in the order written.
  public var featureGroups: [FeatureGroupDeclaration]
  /// The attribution settings.
  public var attributions: AttributionSettings
  /// The proxy settings.
  public var proxies: ProxySettings
  /// How adverse-action reasons are derived for the reason-code metrics.
  public var reasons: ReasonSettings = .standard
  /// The declared loss and cost matrix (`loss:`, `costs:`), if any.
  public var loss: LossSettings? = nil
  /// The statistics settings.
  public var statistics: StatisticsSettings
  /// The policies to apply, in the order written; at least one.
  public var policies: [PolicyReference]
  /// The waivers, in the order written.
  public var waivers: [Waiver]
  /// Facts for regulator-facing reports.
  public var report: ReportMetadata
  /// Warnings found while reading (problems that do not stop the audit).
  public var warnings: [Diagnostic]

  /// The manifest's text, for pointing at its lines after parsing.
  package var source: ManifestSource
  /// Where the identifier is written.
  package var identifierPosition: SourcePosition
  /// Where `minimum_slice_share` is written, if it is.
  package var minimumSliceSharePosition: SourcePosition?

  /// Creates a manifest; ``parse(text:file:shippedPolicyIDs:)`` is the usual way.
  package init(
    file: String, directory: String, identifier: String, predictions: PredictionSource,
    data: DataDeclaration, protectedAttributes: [ProtectedAttributeDeclaration],
    policies: [PolicyReference], source: ManifestSource, identifierPosition: SourcePosition
  ) {
    self.file = file
    self.directory = directory
    self.identifier = identifier
    self.predictions = predictions
    self.data = data
    self.protectedAttributes = protectedAttributes
    self.intersections = []
    self.minimumSliceShare = 0
    self.featureGroups = []
    self.attributions = .standard
    self.proxies = ProxySettings()
    self.statistics = .standard
    self.policies = policies
    self.waivers = []
    self.report = ReportMetadata()
    self.warnings = []
    self.source = source
    self.identifierPosition = identifierPosition
  }

  /// The model, when the audit has one.
  public var model: ModelDeclaration? {
    if case .model(let model) = predictions { return model }
    return nil
  }

  /// The recorded scores and decisions, when the audit has no model.
  public var scores: ScoresDeclaration? {
    if case .scores(let scores) = predictions { return scores }
    return nil
  }

  /// The protected attributes, as FairMetrics slices the data by them.
  public var attributes: [ProtectedAttribute] { protectedAttributes.map(\.attribute) }

  /// The groupings to evaluate, in order: each attribute alone (followed, for an attribute
  /// given as membership probabilities, by its most-probable-group variant), then each
  /// intersection.
  public var groupings: [FairMetrics.Grouping] {
    var result: [FairMetrics.Grouping] = []
    for declaration in protectedAttributes {
      result.append(FairMetrics.Grouping([declaration.name]))
      if declaration.attribute.isProbabilistic {
        result.append(FairMetrics.Grouping([declaration.name], assignsMostProbableGroup: true))
      }
    }
    for intersection in intersections {
      result.append(FairMetrics.Grouping(intersection.attributes))
    }
    return result
  }

  /// The feature groups as name → member column names.
  public var featureGroupMembers: [String: [String]] {
    Dictionary(featureGroups.map { ($0.name, $0.members) }) { first, _ in first }
  }

  /// The paths of the policy files the manifest names, resolved against its folder.
  public var policyFiles: [String] {
    policies.compactMap {
      if case .file(let path) = $0.target { return path }
      return nil
    }
  }

  /// The ids of the shipped packs the manifest names.
  public var policyPackIDs: [String] {
    policies.compactMap {
      if case .pack(let id) = $0.target { return id }
      return nil
    }
  }
}
