import FairTabular
import FuzzDriver

// The CSV reader on any bytes. The first byte chooses the options (delimiter, missing
// tokens, type overrides), the rest is the file; a file that reads is then profiled and
// its first column read as a binary outcome, as the evidence reads a label.
runFuzzer { bytes in
  guard let first = bytes.first else { return }
  let delimiters: [UInt8] = [
    UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|"),
  ]
  var options = CSVOptions(delimiter: delimiters[Int(first & 3)])
  if first & 4 != 0 { options.missingTokens = ["NA", "?", "-", ""] }
  if first & 8 != 0 {
    options.columnTypes = ["a": .categorical, "b": .numeric, "id": .categorical]
  }
  let path = writeInput(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
  guard
    let dataset = try? CSVReader(options: options, threads: 1 + Int(first >> 7)).read(
      contentsOf: path)
  else { return }
  _ = DatasetProfile(dataset, file: path)
  if let name = dataset.columnNames.first {
    _ = try? dataset.binaryOutcome(column: name, positive: nil, file: path)
  }
}
