import ArgumentParser
import FairTabular

/// Flags that say how to read a CSV file.
struct CSVInputOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The field delimiter: ',', ';', 'tab', '|' or another single ASCII character.",
      valueName: "char"))
  var delimiter: String = ","

  @Option(
    name: .customLong("missing"),
    help: ArgumentHelp(
      "Comma-separated cell texts that mean missing (default: empty, NA, N/A, NaN, null, ?).",
      valueName: "tokens"))
  var missingTokens: String?

  @Option(
    name: .customLong("column-type"),
    help: ArgumentHelp(
      "Override an inferred column type, as NAME=numeric or NAME=categorical (repeatable).",
      valueName: "name=type"))
  var columnTypes: [String] = []

  func validate() throws {
    _ = try csvOptions()
  }

  /// The reading options these flags describe.
  func csvOptions() throws -> CSVOptions {
    var options = CSVOptions()
    switch delimiter {
    case "tab", "\\t", "\t": options.delimiter = 0x09
    case let text where text.utf8.count == 1 && text.utf8.first.map({ $0 < 0x80 }) == true:
      options.delimiter = text.utf8.first ?? UInt8(ascii: ",")
    default:
      throw ValidationError(
        "'--delimiter' must be one ASCII character or 'tab', not '\(delimiter)'")
    }
    if options.delimiter == UInt8(ascii: "\"") || options.delimiter == 0x0A
      || options.delimiter == 0x0D
    {
      throw ValidationError("'--delimiter' cannot be a quote or a line end")
    }
    if let missingTokens {
      options.missingTokens = Set(
        missingTokens.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
    for entry in columnTypes {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, let type = ColumnType(rawValue: parts[1]) else {
        throw ValidationError(
          "'--column-type' expects NAME=numeric or NAME=categorical, not '\(entry)'")
      }
      options.columnTypes[parts[0]] = type
    }
    return options
  }
}
