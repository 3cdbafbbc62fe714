import ArgumentParser
import FairTabular

/// The data file a command reads, and how to read it.
struct DataOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The CSV file of rows to score.", valueName: "file.csv"))
  var data: String

  @OptionGroup var csv: CSVInputOptions

  /// Reads the data file.
  func read() throws -> Dataset {
    try CSVReader(options: try csv.csvOptions()).read(contentsOf: data)
  }
}
