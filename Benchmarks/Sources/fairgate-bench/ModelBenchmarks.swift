import FairAttribution
import FairModels
import FairTabular

/// Loads a model and binds the first `rows` rows of a CSV file to it (all rows when 0).
func loadBound(model path: String, data: String, rows: Int = 0) throws -> (any ScoringModel, FeatureMatrix) {
  let model = try ModelLoader.load(contentsOf: path)
  let dataset = try CSVReader().read(contentsOf: data)
  var matrix = try FeatureMatrix(binding: dataset, to: model.features, file: data)
  if rows > 0 && rows < matrix.rowCount {
    matrix = FeatureMatrix(
      values: Array(matrix.values.prefix(rows * matrix.featureCount)), rowCount: rows,
      featureCount: matrix.featureCount)
  }
  return (model, matrix)
}

/// `fairgate-bench predict MODEL DATA THREADS RUNS`: scoring only (the model is loaded and
/// the rows bound before timing, as the reference builds its DMatrix before timing).
func benchmarkPredict(model path: String, data: String, threads: Int, runs: Int) throws {
  let (model, matrix) = try loadBound(model: path, data: data)
  let seconds = try medianSeconds(runs: runs) {
    blackHole(try model.predict(matrix, threads: threads))
  }
  report([
    "benchmark": "predict", "tool": "fairgate", "rows": matrix.rowCount, "threads": threads,
    "seconds": seconds,
  ])
}

/// `fairgate-bench treeshap MODEL DATA THREADS RUNS [BACKGROUND BG_ROWS ROWS]`: path-dependent
/// TreeSHAP on every row, and interventional TreeSHAP on the first ROWS rows against the first
/// BG_ROWS background rows. Explainer construction (table precomputation) is timed too.
func benchmarkTreeSHAP(
  model path: String, data: String, threads: Int, runs: Int, background: String?,
  backgroundRows: Int, interventionalRows: Int
) throws {
  let (model, matrix) = try loadBound(model: path, data: data)
  guard let ensemble = model as? TreeEnsemble else {
    throw ModelError(.unsupported, file: path, message: "not a tree ensemble")
  }
  let options = ExplainOptions(threads: threads)
  let seconds = try medianSeconds(runs: runs) {
    let explainer = TreeSHAP(model: ensemble, threads: threads)
    blackHole(try explainer.explain(matrix, options: options))
  }
  report([
    "benchmark": "treeshap-path", "tool": "fairgate", "rows": matrix.rowCount,
    "threads": threads, "seconds": seconds,
  ])
  guard let background else { return }
  let (_, reference) = try loadBound(model: path, data: background, rows: backgroundRows)
  let (_, rows) = try loadBound(model: path, data: data, rows: interventionalRows)
  let interventional = try medianSeconds(runs: max(1, runs / 2)) {
    let explainer = try InterventionalTreeSHAP(
      model: ensemble, background: reference, threads: threads)
    blackHole(try explainer.explain(rows, options: options))
  }
  report([
    "benchmark": "treeshap-interventional", "tool": "fairgate", "rows": rows.rowCount,
    "background_rows": reference.rowCount, "threads": threads, "seconds": interventional,
  ])
}

/// Times exact log-loss attributions against shap's `model_output="log_loss"` workload.
///
/// `fairgate-bench loss MODEL DATA BACKGROUND THREADS RUNS [BG_ROWS ROWS LABEL POSITIVE]`:
/// ``LossExplainer`` (tree method) on the first ROWS rows of
/// DATA (all when 0), labelled 1 where column LABEL equals POSITIVE, against the first
/// BG_ROWS background rows. Explainer construction (routing the background) is timed too.
func benchmarkLoss(
  model path: String, data: String, background: String, threads: Int, runs: Int,
  backgroundRows: Int, rows: Int, label: String, positive: String
) throws {
  let (model, matrix) = try loadBound(model: path, data: data, rows: rows)
  let (_, reference) = try loadBound(model: path, data: background, rows: backgroundRows)
  let dataset = try CSVReader().read(contentsOf: data)
  guard case .categorical(let column)? = dataset.column(named: label) else {
    throw ModelError(.unsupported, file: data, message: "no categorical column '\(label)'")
  }
  let labels = (0..<matrix.rowCount).map { column.value(at: $0) == positive ? 1.0 : 0.0 }
  let options = ExplainOptions(threads: threads)
  var gap = 0.0
  let seconds = try medianSeconds(runs: runs) {
    let explainer = try LossExplainer(
      model: model, background: BackgroundData(reference), method: .tree)
    let result = try explainer.explain(matrix, labels: labels, options: options)
    gap = result.largestAdditivityGap
    blackHole(result)
  }
  report([
    "benchmark": "loss-attribution", "tool": "fairgate", "rows": matrix.rowCount,
    "background_rows": reference.rowCount, "threads": threads, "seconds": seconds,
    "runs": runs, "largest_additivity_gap": gap,
  ])
}
