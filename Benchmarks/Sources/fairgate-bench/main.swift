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

let usage = """
  usage: fairgate-bench csv FILE [RUNS]
         fairgate-bench predict MODEL DATA THREADS RUNS
         fairgate-bench treeshap MODEL DATA THREADS RUNS [BACKGROUND BG_ROWS ROWS]
         fairgate-bench loss MODEL DATA BACKGROUND THREADS RUNS [BG_ROWS ROWS LABEL POSITIVE]

  """
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data(usage.utf8))
  exit(2)
}
func integer(_ index: Int, default value: Int) -> Int {
  index < arguments.count ? Int(arguments[index]) ?? value : value
}
do {
  switch arguments[1] {
  case "csv":
    try benchmarkCSV(path: arguments[2], runs: integer(3, default: 5))
  case "predict" where arguments.count >= 4:
    try benchmarkPredict(
      model: arguments[2], data: arguments[3], threads: integer(4, default: 2),
      runs: integer(5, default: 5))
  case "treeshap" where arguments.count >= 4:
    try benchmarkTreeSHAP(
      model: arguments[2], data: arguments[3], threads: integer(4, default: 2),
      runs: integer(5, default: 5), background: arguments.count > 6 ? arguments[6] : nil,
      backgroundRows: integer(7, default: 100), interventionalRows: integer(8, default: 200))
  case "loss" where arguments.count >= 5:
    try benchmarkLoss(
      model: arguments[2], data: arguments[3], background: arguments[4],
      threads: integer(5, default: 2), runs: integer(6, default: 5),
      backgroundRows: integer(7, default: 100), rows: integer(8, default: 2000),
      label: arguments.count > 9 ? arguments[9] : "income",
      positive: arguments.count > 10 ? arguments[10] : ">50K")
  default:
    FileHandle.standardError.write(Data("unknown benchmark '\(arguments[1])'\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(2)
}
