public import FairAttribution
public import FairModels
public import FairTabular

/// Everything needed to build the evidence of a dataset: where decisions and scores come
/// from, the true outcomes, the row identifiers, how to attribute, and what to compute.
///
/// It is what `fairgate metrics` parses from its command line and what an audit manifest
/// describes; ``EvidenceBuilder`` turns it into ``Evidence``.
public struct EvidenceRequest: Sendable {
  /// Where decisions and scores come from.
  public enum Outputs: Sendable, Hashable {
    /// A model scores the data and the rule decides.
    case model(ModelSource, rule: DecisionRule)
    /// Columns of the data: a score column (decided by `rule` when there is no decision
    /// column), a decision column whose `favourableDecision` value is favourable, or both.
    case columns(
      score: String?, rule: DecisionRule?, decision: String?, favourableDecision: String?)
  }

  /// How to attribute, when attributions are asked for.
  public struct AttributionSettings: Sendable, Hashable {
    /// The method; `auto` chooses the exact one that fits.
    public var method: AttributionMethod
    /// The output space the attributions add up to.
    public var output: OutputSpace
    /// Where background rows come from.
    public var background: BackgroundSource
    /// The sample budget of sampling methods.
    public var samples: Int?
    /// Groups of columns attributed as one (one-hot columns of one attribute).
    public var featureGroups: [FeatureGroupSpecification]

    /// Creates settings.
    public init(
      method: AttributionMethod = .auto, output: OutputSpace = .margin,
      background: BackgroundSource = .sample(rows: BackgroundSource.defaultRowCount),
      samples: Int? = nil, featureGroups: [FeatureGroupSpecification] = []
    ) {
      self.method = method
      self.output = output
      self.background = background
      self.samples = samples
      self.featureGroups = featureGroups
    }
  }

  /// A named group of model inputs attributed as one.
  public struct FeatureGroupSpecification: Sendable, Hashable, Codable {
    /// The group's name.
    public var name: String
    /// The member inputs.
    public var members: [String]

    /// Creates a specification.
    public init(name: String, members: [String]) {
      self.name = name
      self.members = members
    }
  }

  /// The data file.
  public var data: String
  /// How to read it.
  public var csv: CSVOptions
  /// Where decisions and scores come from.
  public var outputs: Outputs
  /// A column of stable row identifiers (integers or any text), else the 0-based row index.
  public var idColumn: String?
  /// The true-outcome column, if there is one.
  public var label: String?
  /// The label's favourable value (needed when it holds text).
  public var favourableLabel: String?
  /// How to attribute; `nil` when attributions are never wanted.
  public var attribution: AttributionSettings?
  /// The declared loss and cost matrix, if any.
  public var loss: LossDeclaration?
  /// What to compute: attributes, groupings, bootstrap, tests, proxies.
  ///
  /// Its candidate features are filled in by the builder when empty (the model's inputs, or every other
  /// column of the data).
  public var configuration: Evidence.Configuration
  /// The background sampled from all the rows, drawn beforehand, when these rows are one
  /// partition of the data and the attributions' background is sampled from the data
  /// (`fairgate evidence sample`): the attributions then use it instead of a sample of this
  /// partition's rows, and their tallies merge.
  package var drawnBackground: KeyedSample?
  /// The values of the numeric model inputs that carry protected attributes, counted over
  /// all the rows beforehand (by input name), when these rows are one partition of the data:
  /// counterfactual flips take the values they try (bin medians, distinct values) from them,
  /// and merge.
  package var allValues: [String: ScoreCounts]?

  /// Creates a request.
  public init(
    data: String, csv: CSVOptions = CSVOptions(), outputs: Outputs, idColumn: String? = nil,
    label: String? = nil, favourableLabel: String? = nil,
    attribution: AttributionSettings? = nil, loss: LossDeclaration? = nil,
    configuration: Evidence.Configuration
  ) {
    self.loss = loss
    self.data = data
    self.csv = csv
    self.outputs = outputs
    self.idColumn = idColumn
    self.label = label
    self.favourableLabel = favourableLabel
    self.attribution = attribution
    self.configuration = configuration
  }
}
