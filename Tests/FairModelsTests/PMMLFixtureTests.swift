import FairTabular
import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// Scores the sklearn2pmml fixtures (`fixtures/pmml/<name>/`) and compares them with the
/// predictions of jpmml-evaluator 0.16.0 (`expected.csv`; see each `metadata.json`).
///
/// Tolerances: linear models and scorecards sum a few dozen terms in `Double`, so they
/// agree to 1e-9 relative (rounding differences of summation order are near 1e-15).
/// Tree ensembles and the MLP get 1e-6: XGBoost's chain runs in `Float`
/// (`x-mathContext="float"`, 2⁻²⁴ ≈ 6e-8 per operation) and the MLP chains hundreds of
/// exponentials, where summation order moves the last bits.
@Suite struct PMMLFixtureTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var relativeTolerance: Double
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "logistic-regression", relativeTolerance: 1e-9),
    Case(name: "linear-regression", relativeTolerance: 1e-9),
    Case(name: "general-regression", relativeTolerance: 1e-9),
    Case(name: "scorecard", relativeTolerance: 1e-9),
    Case(name: "decision-tree", relativeTolerance: 1e-6),
    Case(name: "random-forest", relativeTolerance: 1e-6),
    Case(name: "gradient-boosting", relativeTolerance: 1e-6),
    Case(name: "xgboost", relativeTolerance: 1e-6),
    Case(name: "lightgbm", relativeTolerance: 1e-6),
    Case(name: "mlp", relativeTolerance: 1e-6),
  ]

  /// Loads a fixture's model and binds its data.
  static func load(_ name: String) throws -> (model: PMMLModel, matrix: FeatureMatrix) {
    let folder = FixturePaths.fixture("pmml/\(name)")
    let model = try PMMLModelLoader.load(contentsOf: folder + "/model.pmml")
    let dataPath = folder + "/data.csv"
    let data = try CSVReader(options: CSVOptions(columnTypes: model.preferredColumnTypes))
      .read(contentsOf: dataPath)
    return (model, try FeatureMatrix(binding: data, to: model.features, file: dataPath))
  }

  @Test(arguments: cases)
  func matchesJPMMLEvaluator(_ fixture: Case) throws {
    let folder = FixturePaths.fixture("pmml/\(fixture.name)")
    let expectedPath = folder + "/expected.csv"
    try #require(
      FileManager.default.fileExists(atPath: expectedPath), "fixture \(fixture.name) is incomplete")
    let model = try PMMLModelLoader.load(contentsOf: folder + "/model.pmml")
    let dataPath = folder + "/data.csv"
    let data = try CSVReader(options: CSVOptions(columnTypes: model.preferredColumnTypes))
      .read(contentsOf: dataPath)
    let matrix = try FeatureMatrix(binding: data, to: model.features, file: dataPath)
    let isClassifier = model.task == .binaryClassification
    let actual = try model.predict(matrix, output: isClassifier ? .probability : .margin)
    let expected = try CSVReader().read(contentsOf: expectedPath)
    let column =
      isClassifier ? "probability(\(model.positiveCategory ?? ""))" : (model.targetField ?? "")
    let rows = try #require(expected.column(named: "row")?.numeric?.values)
    let values = try #require(
      expected.column(named: column)?.numeric?.values, "expected.csv has no column '\(column)'")
    var worst = 0.0
    var compared = 0
    for (row, value) in zip(rows, values) {
      let index = Int(row)
      let score = actual[index]
      compared += 1
      if value.isNaN || score.isNaN {
        #expect(value.isNaN && score.isNaN, "row \(index): expected \(value), scored \(score)")
        continue
      }
      worst = max(worst, abs(score - value) / max(abs(value), Double.leastNormalMagnitude))
      expectClose(
        score, value, relative: fixture.relativeTolerance, "\(fixture.name) row \(index)")
    }
    #expect(compared == matrix.rowCount)
    // The worst row, named in the failure message when the tolerance is exceeded.
    #expect(worst <= fixture.relativeTolerance, "\(fixture.name): worst relative \(worst)")
  }

  @Test func scorecardReasonCodesMatchJPMMLEvaluator() throws {
    let (model, matrix) = try Self.load("scorecard")
    let codes = try model.reasonCodes(for: matrix.batch(rows: 0..<matrix.rowCount))
    let expected = try CSVReader(options: CSVOptions(missingTokens: [""]))
      .read(contentsOf: FixturePaths.fixture("pmml/scorecard/expected.csv"))
    let rows = try #require(expected.column(named: "row")?.numeric?.values)
    let ranks = try (1...3).map { rank in
      try #require(expected.column(named: "reason_code_\(rank)")?.categorical)
    }
    for (position, row) in rows.enumerated() {
      // The document's Output lists ranks 1 to 3; an empty cell means fewer codes.
      let wanted = ranks.compactMap { $0.value(at: position) }
      #expect(Array(codes[Int(row)].prefix(3)) == wanted, "row \(Int(row))")
    }
  }

  @Test(arguments: ["logistic-regression", "linear-regression", "general-regression", "mlp"])
  func gradientsMatchFiniteDifferences(_ name: String) throws {
    let folder = FixturePaths.fixture("pmml/\(name)")
    try #require(FileManager.default.fileExists(atPath: folder + "/expected.csv"))
    let (model, matrix) = try Self.load(name)
    #expect(model.isDifferentiable)
    let rows = min(matrix.rowCount, 60)
    let batch = matrix.batch(rows: 0..<rows)
    var gradients: [Double] = []
    try model.marginGradients(batch, into: &gradients)
    let count = model.featureCount
    var worst = 0.0
    for row in 0..<rows {
      for feature in 0..<count {
        let analytic = gradients[row * count + feature]
        guard model.features[feature].isNumeric else {
          #expect(analytic == 0 || analytic.isNaN)
          continue
        }
        let x = matrix[row, feature]
        if x.isNaN { continue }
        let step = 1e-5 * max(1, abs(x))
        var values = Array(batch.values[(row * count)..<((row + 1) * count)])
        values[feature] = x + step
        var up: [Double] = []
        model.scoreMargins(RowBatch(values: values[...], featureCount: count), into: &up)
        values[feature] = x - step
        var down: [Double] = []
        model.scoreMargins(RowBatch(values: values[...], featureCount: count), into: &down)
        let numeric = (up[0] - down[0]) / (2 * step)
        worst = max(worst, abs(numeric - analytic) / max(1, abs(numeric)))
        // A central difference with step h errs by O(h² · third derivative) plus rounding
        // near ε·|margin|/h ≈ 1e-11; absolute 1e-6 and relative 1e-5 cover both here.
        expectClose(
          analytic, numeric, absolute: 1e-6, relative: 1e-5,
          "\(name) row \(row) feature \(feature)")
      }
    }
    #expect(worst < 1e-5, "\(name): worst scaled difference \(worst)")
  }

  @Test(arguments: ["logistic-regression", "linear-regression", "general-regression", "scorecard"])
  func linearTermsAddUpToTheMargin(_ name: String) throws {
    let (model, matrix) = try Self.load(name)
    let decomposition = try #require(model.linearDecomposition)
    let batch = matrix.batch(rows: 0..<matrix.rowCount)
    let values = try model.linearTermValues(batch)
    let margins = try model.predict(matrix)
    let count = decomposition.terms.count
    for row in 0..<matrix.rowCount {
      let total = (0..<count).reduce(decomposition.intercept) { $0 + values[row * count + $1] }
      // The same terms summed in another order: rounding only.
      expectClose(total, margins[row], absolute: 1e-9, relative: 1e-12, "\(name) row \(row)")
    }
    #expect(decomposition.terms.allSatisfy { !$0.featureIndices.isEmpty })
  }
}
