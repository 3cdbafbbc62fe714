import ArgumentParser
import FairReports
import FairTabular

extension FairGateCommand.DataCommand {
  /// `fairgate data describe FILE.csv`: prints the inferred schema of a CSV file.
  struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "describe",
      abstract: "Print the inferred schema of a CSV file.",
      discussion: """
        For each column: its type (numeric or categorical), missing count and distinct \
        count; the range and mean of numeric columns; the most frequent values of \
        categorical columns.
        """
    )

    @Argument(help: ArgumentHelp("The CSV file to read.", valueName: "file.csv"))
    var file: String

    @OptionGroup var csv: CSVInputOptions

    @Option(help: "The output format.")
    var format: DescribeFormat = .text

    @Option(
      help: ArgumentHelp("How many frequent values to list per categorical column.", valueName: "k")
    )
    var top: Int = 5

    @OptionGroup var threading: ThreadOptions

    func validate() throws {
      guard top >= 0 else { throw ValidationError("'--top' must be 0 or more, not \(top)") }
    }

    func run() throws {
      let dataset = try CSVReader(options: try csv.csvOptions(), threads: threading.threads)
        .read(contentsOf: file)
      let profile = DatasetProfile(dataset, file: file, topCount: top)
      let output = StandardOutput()
      switch format {
      case .text:
        output.write(profile.renderText())
      case .json:
        output.write(try DocumentJSON.encode(profile))
      }
      output.flush()
    }
  }
}

/// The formats of `fairgate data describe`.
enum DescribeFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
