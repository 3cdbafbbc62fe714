import ArgumentParser
import FairAttribution
import FairAudit
import FairMetrics
import FairModels
import FairReports

extension FairGateCommand {
  /// `fairgate reasons`: principal reasons for adverse decisions.
  struct Reasons: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reasons",
      abstract: "Give the principal reasons for each adverse decision of a model.",
      discussion: """
        A feature (or a reason code's group of features, whose attributions are summed) is \
        a reason when its attribution, measured against the reference population, pushed \
        the score toward the adverse side; reasons are ranked by that push, ties in model \
        feature order, and the first '--top' are given. Features with zero or favourable \
        attribution are never reasons. The reference population is the attribution \
        background (Regulation B comment 9(b)(2)-5): 'all' applicants, or 'near-cutoff', \
        the favourable applicants within '--cutoff-band' of the cutoff (without a band, \
        the 10% closest to it). '--background-rows' rows of it are sampled with the seed. \
        For a PMML scorecard that uses reason codes, 'auto' gives the scorecard's own \
        reason codes and compares them with attribution-based reasons. The reason table \
        (CSV 'code,text,features[,prohibited_basis]' with features separated by ';', or \
        YAML with a 'reason_codes' list) maps features to codes and statements; features \
        it leaves out stand for themselves. CSV output has the header \
        'row,score,adverse,reason_count' then 'reason_k_code,reason_k_text,\
        reason_k_attribution' for k = 1..K.
        """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    @Option(
      name: .customLong("reasons-table"),
      help: ArgumentHelp("The reason-code table (CSV or YAML).", valueName: "file"))
    var reasonsTable: String?

    @Option(help: ArgumentHelp("The most reasons per applicant.", valueName: "k"))
    var top: Int = 4

    @Option(help: "The reference population the attributions are measured against.")
    var reference: ReasonReferenceOption = .all

    @Option(
      name: .customLong("cutoff-band"),
      help: ArgumentHelp(
        "With '--reference near-cutoff': how far above the cutoff (in the decision's score "
          + "space) an applicant may score.", valueName: "width"))
    var cutoffBand: Double?

    @Option(help: "Where the reasons come from.")
    var method: ReasonMethodOption = .auto

    @Option(
      name: .customLong("background-rows"),
      help: ArgumentHelp(
        "How many reference rows to sample as the background (default 100).", valueName: "n"))
    var backgroundRows: Int = ReasonRequest.defaultBackgroundRows

    @Option(
      help: ArgumentHelp(
        "A CSV file of the reference population's rows (the same columns as the data), "
          + "instead of selecting it from the data.", valueName: "path"))
    var background: String?

    @Option(
      help: ArgumentHelp("The sample budget of sampling methods.", valueName: "n"))
    var samples: Int?

    @Option(
      help: ArgumentHelp(
        "The decision threshold (default 0.5 for classifiers; required for regressors).",
        valueName: "t"))
    var threshold: Double?

    @Option(help: "The scale of the threshold (default probability, or score for regressors).")
    var space: DecisionRule.Space?

    @Option(help: "Which side of the threshold is favourable.")
    var favourable: DecisionRule.Side = .above

    @Option(help: "The output space of the attributions.")
    var output: OutputSpace = .margin

    @Option(help: "Which rows to list: adverse decisions only, or every row.")
    var rows: ReasonRowsOption = .adverse

    @Option(
      help: ArgumentHelp(
        "A feature that is a prohibited basis and must never be a reason (repeatable).",
        valueName: "feature"))
    var prohibited: [String] = []

    @Option(
      help: ArgumentHelp(
        "A feature suspected to proxy a prohibited basis (repeatable).", valueName: "feature"))
    var proxy: [String] = []

    @Option(
      name: .customLong("age-column"),
      help: ArgumentHelp(
        "The column with the applicant's age, for the 62-or-older check.", valueName: "column"))
    var ageColumn: String?

    @Option(
      name: .customLong("stability-replicates"),
      help: ArgumentHelp(
        "Replicates of each stability measurement (0 skips it).", valueName: "n"))
    var stabilityReplicates: Int = ReasonStability.defaultReplicates

    @Option(
      help: ArgumentHelp(
        "The relative size of input perturbations, in feature standard deviations.",
        valueName: "delta"))
    var perturbation: Double = ReasonStability.defaultPerturbation

    @Option(help: "The output format.")
    var format: ExplanationFormat = .csv

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
      try model.requireModel()
      guard top >= 1 else { throw ValidationError("'--top' must be 1 or more, not \(top)") }
      if background != nil && reference != .all {
        throw ValidationError("'--background' gives the reference population; drop '--reference'")
      }
      if cutoffBand != nil && reference != .nearCutoff {
        throw ValidationError("'--cutoff-band' is only valid with '--reference near-cutoff'")
      }
      if let cutoffBand, !(cutoffBand >= 0 && cutoffBand.isFinite) {
        throw ValidationError("'--cutoff-band' must be 0 or more, not \(cutoffBand)")
      }
      guard backgroundRows >= 1 else {
        throw ValidationError("'--background-rows' must be 1 or more, not \(backgroundRows)")
      }
      guard stabilityReplicates == 0 || stabilityReplicates >= 2 else {
        throw ValidationError(
          "'--stability-replicates' must be 0 or at least 2, not \(stabilityReplicates)")
      }
      guard perturbation > 0 && perturbation.isFinite else {
        throw ValidationError("'--perturbation' must be positive, not \(perturbation)")
      }
      if let threshold, !threshold.isFinite {
        throw ValidationError("'--threshold' must be a number, not \(threshold)")
      }
    }

    func run() throws {
      let bound = try BoundRows(model, data, runtime)
      try model.check(output: output, for: bound.model)
      let featureNames = bound.model.features.map(\.name)
      let table =
        try reasonsTable.map {
          try ReasonTableReader(featureNames: featureNames).read(contentsOf: $0)
        } ?? .identity
      var request = ReasonRequest(
        rule: try decisionRule(for: bound.model),
        reference: reference == .all ? .all : .nearCutoff(band: cutoffBand),
        backgroundRows: backgroundRows, samples: samples, table: table, top: top,
        output: output, includesFavourable: rows == .all, threads: runtime.threads,
        seed: runtime.seed)
      request.population = try background.map { try bound.bind(file: $0) }
      let restrictions =
        prohibited.map { ReasonChecks.Restriction(feature: $0, why: "prohibited basis") }
        + proxy.map { ReasonChecks.Restriction(feature: $0, why: "suspected proxy") }
      let analysis = try ReasonAnalysis(
        bound: bound, request: request, method: method.reasonMethod, restrictions: restrictions,
        ageColumn: ageColumn,
        stability: .init(replicates: stabilityReplicates, perturbation: perturbation))
      let document = ReasonsDocument(analysis)
      for line in ReasonsSummary.lines(document) { StandardError.write("note: " + line) }
      let out = StandardOutput()
      switch format {
      case .csv: out.write(document.csv)
      case .json: out.write(try DocumentJSON.encode(document))
      }
      out.flush()
    }

    /// The decision rule from the flags, with defaults that fit the model's task.
    private func decisionRule(for model: any ScoringModel) throws -> DecisionRule {
      let isClassifier = model.task == .binaryClassification
      let resolvedSpace = space ?? (isClassifier ? .probability : .score)
      guard let chosen = threshold ?? (resolvedSpace == .probability ? 0.5 : nil) else {
        throw ValidationError(
          "'--threshold' is required for \(model.summary), whose scores are not probabilities")
      }
      if resolvedSpace == .probability && !isClassifier {
        throw ValidationError(
          "'--space probability' needs a binary classifier; \(model.summary) is a regressor")
      }
      if resolvedSpace == .probability, !(chosen > 0 && chosen < 1) {
        throw ValidationError(
          "'--threshold' must be between 0 and 1 for probabilities, not \(chosen)")
      }
      return DecisionRule(space: resolvedSpace, threshold: chosen, favourable: favourable)
    }
  }
}

/// The reference populations of `fairgate reasons`.
enum ReasonReferenceOption: String, ExpressibleByArgument, CaseIterable {
  case all
  case nearCutoff = "near-cutoff"
}

/// Which rows `fairgate reasons` lists.
enum ReasonRowsOption: String, ExpressibleByArgument, CaseIterable {
  case adverse
  case all
}

/// The reason sources of `fairgate reasons`.
enum ReasonMethodOption: String, ExpressibleByArgument, CaseIterable {
  case auto
  case scorecard
  case treeInterventional = "tree-interventional"
  case linear
  case kernel
  case permutation
  case lime
  case integratedGradients = "integrated-gradients"

  /// The library's method.
  var reasonMethod: ReasonMethod {
    switch self {
    case .auto: .auto
    case .scorecard: .scorecard
    case .treeInterventional: .attribution(.treeInterventional)
    case .linear: .attribution(.linear)
    case .kernel: .attribution(.kernel)
    case .permutation: .attribution(.permutation)
    case .lime: .attribution(.lime)
    case .integratedGradients: .attribution(.integratedGradients)
    }
  }
}
