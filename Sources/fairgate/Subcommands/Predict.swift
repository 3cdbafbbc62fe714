import ArgumentParser
import FairModels
import FairTabular

extension FairGateCommand {
  /// `fairgate predict`: scores every row of a CSV file.
  struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "predict",
      abstract: "Score every row of a CSV file with a model.",
      discussion: """
        Prints CSV with the header 'row,prediction'; 'row' is the 0-based data row. The \
        model format (XGBoost JSON, LightGBM text, PMML) is recognised from the file's \
        content. Columns are matched to the model's features by name; extra columns are \
        ignored.
        """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    @Option(help: "The scale of the scores: margin (log-odds or raw) or probability.")
    var output: OutputSpace = .margin

    @OptionGroup var runtime: RuntimeOptions

    func run() throws {
      let rows = try BoundRows(model: model, data: data)
      try model.check(output: output, for: rows.model)
      let scores = try rows.model.predict(rows.matrix, output: output, threads: runtime.threads)
      let out = StandardOutput()
      out.write("row,prediction\n")
      for (row, score) in scores.enumerated() { out.write("\(row),\(formatCSVNumber(score))\n") }
      out.flush()
    }
  }
}

/// A number as CSV cell text: the shortest text that reads back as the same `Double`, and an
/// empty cell for NaN.
func formatCSVNumber(_ value: Double) -> String {
  value.isNaN ? "" : "\(value)"
}
