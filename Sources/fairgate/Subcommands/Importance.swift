import ArgumentParser
import FairAttribution
import FairMetrics
import FairModels
import FairReports
import FairTabular
import _FairSupport

extension FairGateCommand {
  /// `fairgate importance`: global permutation feature importance.
  struct Importance: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "importance",
      abstract: "Measure how much a model's score depends on each feature.",
      discussion: """
        Permutation importance: each feature (or group) is shuffled across rows, the metric \
        is computed again, and the importance is the drop from the unshuffled score, as \
        scikit-learn's permutation_importance defines it. Prints CSV with the header \
        'feature,importance_mean,importance_std' (or JSON), most important first. Shuffles \
        are seeded; results do not depend on the thread count.
        """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    @Option(
      help: ArgumentHelp(
        "The label column (not needed for '--metric decision-rate').", valueName: "column"))
    var label: String?

    @Option(
      help: ArgumentHelp(
        "The label value of the positive class, when the label column holds text.",
        valueName: "value"))
    var positive: String?

    @Option(help: "The score whose drop measures importance.")
    var metric: ImportanceMetricChoice = .auc

    @Option(
      help: ArgumentHelp(
        "The probability at or above which a decision is favourable (accuracy, decision-rate).",
        valueName: "p"))
    var threshold: Double = 0.5

    @Option(help: ArgumentHelp("Shuffles per feature.", valueName: "n"))
    var repeats: Int = 5

    @Option(
      name: .customLong("group"),
      help: ArgumentHelp(
        "Shuffle several columns together, as NAME=col1,col2 (repeatable).",
        valueName: "name=cols"))
    var groups: [String] = []

    @Option(help: "The output format.")
    var format: ExplanationFormat = .csv

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
      try model.requireModel()
      guard repeats >= 1 else { throw ValidationError("'--repeats' must be 1 or more") }
      guard threshold > 0 && threshold < 1 else {
        throw ValidationError("'--threshold' must be between 0 and 1, not \(threshold)")
      }
      if metric != .decisionRate && label == nil {
        throw ValidationError("'--metric \(metric.rawValue)' needs '--label COLUMN'")
      }
    }

    func run() throws {
      let bound = try BoundRows(model, data, runtime)
      let labels =
        try label.map {
          try bound.dataset.binaryOutcome(column: $0, positive: positive, file: bound.dataFile)
        } ?? Array(repeating: 0, count: bound.matrix.rowCount)
      let featureNames = bound.model.features.map(\.name)
      let importance = try PermutationImportance(
        model: bound.model, metric: metric.metric(threshold: threshold), repeats: repeats,
        groups: try groups.map { try FeatureGroup(parsing: $0, featureNames: featureNames) })
      let result = try importance.compute(
        bound.matrix, labels: labels, seed: runtime.seed, threads: runtime.threads)
      let document = ImportanceDocument(result, metric: metric.rawValue, seed: runtime.seed)
      let out = StandardOutput()
      switch format {
      case .csv: out.write(document.csv)
      case .json: out.write(try DocumentJSON.encode(document))
      }
      out.flush()
    }
  }
}

/// The metrics of `fairgate importance`.
enum ImportanceMetricChoice: String, ExpressibleByArgument, CaseIterable {
  case auc
  case logLoss = "log-loss"
  case accuracy
  case decisionRate = "decision-rate"

  func metric(threshold: Double) -> any FairAttribution.ImportanceMetric {
    switch self {
    case .auc: AreaUnderCurve()
    case .logLoss: NegativeLogLoss()
    case .accuracy: DecisionAccuracy(threshold: threshold)
    case .decisionRate: DecisionRate(threshold: threshold)
    }
  }
}
