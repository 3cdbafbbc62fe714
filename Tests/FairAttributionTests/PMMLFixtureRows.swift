import FairModels
import FairTabular
import _FairTestSupport

/// The committed PMML fixtures with their data rows, for the PMML explainer tests.
enum PMMLFixtureRows {
  /// The fixture's model and its data rows, bound to the model's features.
  static func load(_ name: String) throws -> (model: PMMLModel, rows: FeatureMatrix) {
    let folder = FixturePaths.fixture("pmml/" + name)
    let model = try PMMLModelLoader.load(contentsOf: folder + "/model.pmml")
    var options = CSVOptions()
    options.columnTypeHints = model.columnTypeHints
    let dataset = try CSVReader(options: options).read(contentsOf: folder + "/data.csv")
    let rows = try FeatureMatrix(binding: dataset, to: model.features, file: "data.csv")
    return (model, rows)
  }

  /// The rows in `rows` of `matrix`, as a matrix of their own.
  static func slice(_ matrix: FeatureMatrix, _ rows: Range<Int>) -> FeatureMatrix {
    let width = matrix.featureCount
    return FeatureMatrix(
      values: Array(matrix.values[(rows.lowerBound * width)..<(rows.upperBound * width)]),
      rowCount: rows.count, featureCount: width)
  }

  /// The model's margins of every row of `matrix`.
  static func margins(_ model: PMMLModel, _ matrix: FeatureMatrix) -> [Double] {
    var margins: [Double] = []
    model.scoreMargins(matrix.batch(rows: 0..<matrix.rowCount), into: &margins)
    return margins
  }
}
