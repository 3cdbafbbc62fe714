import ArgumentParser
import FairAttribution
import FairModels
import FairReports

extension FairGateCommand {
  /// `fairgate explain`: per-row feature attributions.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "explain",
      abstract: "Attribute a model's output for each row to its input features.",
      discussion: """
        CSV output has the header 'row,<features in model order>,base_value,prediction'; \
        'row' is the 0-based data row. For additive methods base_value plus the sum of a \
        row's attributions equals its prediction in the chosen output space. 'auto' picks \
        the exact method that fits the model (path-dependent TreeSHAP for tree ensembles, \
        or interventional TreeSHAP with '--output probability'; linear SHAP for linear \
        models) and otherwise KernelSHAP. Methods that need \
        background rows take them from '--background', or sample '--background-rows' rows \
        of the data with the seed.
        """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    @Option(help: "The attribution method.")
    var method: AttributionMethod = .auto

    @Option(
      help: ArgumentHelp(
        "A CSV file of background rows (the same columns as the data).", valueName: "path"))
    var background: String?

    @Option(
      name: .customLong("background-rows"),
      help: ArgumentHelp(
        "How many background rows to sample with the seed (default 100).", valueName: "n"))
    var backgroundRows: Int?

    @Option(
      help: ArgumentHelp(
        "The sample budget: KernelSHAP coalitions per row (shap's nsamples), LIME "
          + "perturbations per row, or the most permutations.", valueName: "n"))
    var samples: Int?

    @Option(help: ArgumentHelp("Integrated-gradients steps.", valueName: "n"))
    var steps: Int = 50

    @Option(
      name: .customLong("group"),
      help: ArgumentHelp(
        "Attribute several columns as one, as NAME=col1,col2 (repeatable).",
        valueName: "name=cols"))
    var groups: [String] = []

    @Option(help: "The output space the attributions add up to.")
    var output: OutputSpace = .margin

    @Option(help: ArgumentHelp("Explain only the first n rows.", valueName: "n"))
    var rows: Int?

    @Option(help: "The output format.")
    var format: ExplanationFormat = .csv

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
      try model.requireModel()
      if let samples, !(method.isSampling || method == .auto) {
        throw ValidationError(
          "'--samples' is only valid with '--method kernel', 'permutation' or 'lime', "
            + "not '\(method.rawValue)' (\(samples))")
      }
      if let samples, samples < 2 {
        throw ValidationError("'--samples' must be at least 2, not \(samples)")
      }
      if let rows, rows < 1 { throw ValidationError("'--rows' must be 1 or more, not \(rows)") }
      if let backgroundRows, backgroundRows < 1 {
        throw ValidationError("'--background-rows' must be 1 or more, not \(backgroundRows)")
      }
      if steps < 2 { throw ValidationError("'--steps' must be at least 2, not \(steps)") }
      if (background != nil || backgroundRows != nil) && method == .treePathDependent {
        throw ValidationError(
          "'--background' and '--background-rows' do not apply to '--method tree-path'")
      }
    }

    func run() throws {
      let bound = try BoundRows(model, data, runtime)
      try model.check(output: output, for: bound.model)
      if let rows, rows > bound.matrix.rowCount {
        throw ValidationError(
          "'--rows \(rows)' is beyond the \(bound.matrix.rowCount) rows of '\(bound.dataFile)'")
      }
      let featureNames = bound.model.features.map(\.name)
      let plan = try ExplanationPlan(
        model: bound.model, method: method,
        background: method.mayUseBackground
          ? try backgroundSource.rows(for: bound, seed: runtime.seed) : nil,
        samples: samples, steps: steps,
        groups: try groups.map { try FeatureGroup(parsing: $0, featureNames: featureNames) },
        threads: runtime.threads, output: output)
      if let reason = plan.reason { StandardError.write("note: method \(reason)") }
      let attributions = try plan.explain(
        bound.matrix.prefix(rows ?? bound.matrix.rowCount),
        options: ExplainOptions(output: output, threads: runtime.threads, seed: runtime.seed))
      let out = StandardOutput()
      switch format {
      case .csv: out.write(ExplanationDocument.csv(attributions))
      case .json:
        out.write(
          try DocumentJSON.encode(
            ExplanationDocument(
              attributions, method: plan.method, reason: plan.reason,
              modelSummary: bound.model.summary)))
      }
      out.flush()
    }

    /// Where the background comes from: `--background`, else a sample of the data.
    private var backgroundSource: BackgroundSource {
      if let background { return .file(background, rows: backgroundRows) }
      return .sample(rows: backgroundRows ?? BackgroundSource.defaultRowCount)
    }
  }
}

/// The formats of `fairgate explain`.
enum ExplanationFormat: String, ExpressibleByArgument, CaseIterable {
  case csv
  case json
}
