import ArgumentParser
import FairModels
import FairReports

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

    func validate() throws {
      try model.requireModel()
    }

    func run() throws {
      let bound = try BoundRows(model, data, runtime)
      try model.check(output: output, for: bound.model)
      let scores = try bound.model.predict(bound.matrix, output: output, threads: runtime.threads)
      let out = StandardOutput()
      out.write(PredictionTable.csv(scores))
      out.flush()
    }
  }
}
