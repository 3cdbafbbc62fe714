public import FairAttribution
public import FairModels

/// What to derive principal reasons with: the decision, the reference population, the
/// attribution method and the reason-code table.
public struct ReasonRequest: Sendable {
  /// The decision rule that makes a decision adverse.
  public var rule: DecisionRule
  /// The reference population (the attribution background).
  public var reference: ReasonReference
  /// The attribution method.
  ///
  /// `auto` picks an exact background-based method (interventional TreeSHAP for trees,
  /// linear SHAP for linear and additive models) and otherwise KernelSHAP. Path-dependent
  /// TreeSHAP is refused: it has no reference population.
  public var method: AttributionMethod
  /// The most background rows, sampled with the seed from the reference population.
  public var backgroundRows: Int
  /// Rows of the reference population given directly (bound to the model's features), which
  /// replace the population ``reference`` selects from the data; `nil` to select it.
  public var population: FeatureMatrix?
  /// The reference background given directly (drawn beforehand from all rows of a data
  /// set run in pieces), which replaces the one drawn from the population; `nil` to draw it.
  package var background: FeatureMatrix?
  /// Each row's identifier, by which backgrounds are drawn and sampling methods seeded;
  /// `nil` for the 0-based row numbers.
  package var rowIDs: [UInt64]?
  /// The sample budget of sampling methods, or `nil` for their default.
  public var samples: Int?
  /// The reason-code table.
  public var table: ReasonTable
  /// The most reasons per applicant.
  public var top: Int
  /// The output space of the attributions.
  public var output: OutputSpace
  /// Whether to rank every row (favourable ones get no reasons) or only adverse decisions.
  public var includesFavourable: Bool
  /// Worker threads.
  public var threads: Int
  /// The seed of background sampling and sampling methods.
  public var seed: UInt64
  /// The model's margin for every row of the matrix the reasons are derived for, when the
  /// caller has scored them already; `nil` to score them.
  package var margins: [Double]?

  /// The default number of background rows.
  public static let defaultBackgroundRows = 100

  /// Creates a request; see the properties for each argument.
  public init(
    rule: DecisionRule, reference: ReasonReference = .all, method: AttributionMethod = .auto,
    backgroundRows: Int = ReasonRequest.defaultBackgroundRows, samples: Int? = nil,
    table: ReasonTable = .identity, top: Int = 4, output: OutputSpace = .margin,
    includesFavourable: Bool = false, threads: Int = 1, seed: UInt64 = 0
  ) {
    self.rule = rule
    self.reference = reference
    self.method = method
    self.backgroundRows = backgroundRows
    self.population = nil
    self.samples = samples
    self.table = table
    self.top = top
    self.output = output
    self.includesFavourable = includesFavourable
    self.threads = threads
    self.seed = seed
  }
}
