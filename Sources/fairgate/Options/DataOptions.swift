import ArgumentParser
import FairModels
import FairTabular

/// The data file a command reads, and how to read it.
struct DataOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The CSV file of rows to score.", valueName: "file.csv"))
  var data: String

  @OptionGroup var csv: CSVInputOptions
}

extension BoundRows {
  /// The model and the data that the command-line options name, read with `--threads`.
  init(_ model: ModelOptions, _ data: DataOptions, _ runtime: RuntimeOptions) throws {
    try self.init(
      model: try model.source(), data: data.data, csv: try data.csv.csvOptions(),
      threads: runtime.threads)
  }
}
