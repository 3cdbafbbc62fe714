import ArgumentParser
import FairAttribution
import FairModels
import FairTabular
import Foundation

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
        linear SHAP for linear models) and otherwise KernelSHAP. Methods that need \
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
      let bound = try BoundRows(model: model, data: data)
      try model.check(output: output, for: bound.model)
      let selected = try selectRows(bound)
      let reference = try backgroundRows(for: bound)
      let plan = try ExplanationPlan(
        model: bound.model, method: method, background: reference, samples: samples,
        steps: steps, groups: try FeatureGroupOption.parse(groups, model: bound.model),
        threads: runtime.threads)
      if let reason = plan.reason { StandardError.write("note: method \(reason)") }
      let attributions = try plan.explain(
        selected,
        options: ExplainOptions(output: output, threads: runtime.threads, seed: runtime.seed))
      let out = StandardOutput()
      switch format {
      case .csv: out.write(ExplanationWriter.csv(attributions))
      case .json:
        out.write(
          try ExplanationWriter.json(
            attributions, method: plan.method, reason: plan.reason, model: bound.model))
      }
      out.flush()
    }

    private func selectRows(_ bound: BoundRows) throws -> FeatureMatrix {
      guard let rows else { return bound.matrix }
      guard rows <= bound.matrix.rowCount else {
        throw ValidationError(
          "'--rows \(rows)' is beyond the \(bound.matrix.rowCount) rows of '\(bound.dataFile)'")
      }
      let width = bound.matrix.featureCount
      return FeatureMatrix(
        values: Array(bound.matrix.values.prefix(rows * width)), rowCount: rows,
        featureCount: width)
    }

    /// The background: the `--background` file's rows, or a seeded sample of the data;
    /// `nil` for methods that need none.
    private func backgroundRows(for bound: BoundRows) throws -> FeatureMatrix? {
      guard method.needsBackground || method == .auto else { return nil }
      var source = bound.matrix
      if let background {
        var csv = try data.csv.csvOptions()
        if let checking = bound.model as? any InputCheckingModel {
          csv.columnTypeHints = checking.columnTypeHints
        }
        let dataset = try CSVReader(options: csv).read(contentsOf: background)
        source = try FeatureMatrix(binding: dataset, to: bound.model.features, file: background)
        guard source.rowCount > 0 else {
          throw DataError(.emptyFile, file: background, message: "the background has no rows")
        }
        guard let backgroundRows, backgroundRows < source.rowCount else { return source }
      }
      let count = backgroundRows ?? 100
      if count >= source.rowCount { return source }
      return try BackgroundSummary.sample(source, rows: count, seed: runtime.seed).matrix
    }

  }
}

/// The formats of `fairgate explain`.
enum ExplanationFormat: String, ExpressibleByArgument, CaseIterable {
  case csv
  case json
}
