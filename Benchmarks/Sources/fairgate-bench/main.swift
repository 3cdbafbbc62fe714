import FairTabular
import Foundation

/// `fairgate-bench csv FILE [RUNS]`: CSV ingest throughput, median of RUNS reads.
func benchmarkCSV(path: String, runs: Int) throws {
  let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  var rows = 0
  let seconds = try medianSeconds(runs: runs) {
    let dataset = try CSVReader().read(contentsOf: path)
    rows = dataset.rowCount
    blackHole(dataset)
  }
  report([
    "benchmark": "csv-ingest", "tool": "fairgate", "file": path, "seconds": seconds,
    "rows": rows, "bytes": bytes, "mb_per_second": Double(bytes) / seconds / 1e6,
    "rows_per_second": Double(rows) / seconds,
  ])
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: fairgate-bench csv FILE [RUNS]\n".utf8))
  exit(2)
}
do {
  switch arguments[1] {
  case "csv":
    try benchmarkCSV(path: arguments[2], runs: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
  default:
    FileHandle.standardError.write(Data("unknown benchmark '\(arguments[1])'\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(2)
}
