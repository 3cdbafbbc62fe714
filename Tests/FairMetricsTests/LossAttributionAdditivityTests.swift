import FairAttribution
import FairMetrics
import FairModels
import Testing
import _FairTestSupport

/// Every declared loss, attributed exactly on a tree model, adds up per row to its loss minus
/// the background's expected loss at the row's label; and the loss the attributions start
/// from is the declared loss of the row.
///
/// Tolerances: the sums are exact up to rounding (1e-10). The attributed loss is the declared
/// loss at the margin the tree method sums in double precision, as shap does, while XGBoost
/// sums its trees in float32; the margins differ by up to about 2e-6 on this model, so the
/// losses agree to 1e-5.
@Suite struct LossAttributionAdditivityTests {
  /// The built-in losses, and custom expressions over y, p and m.
  static let losses: [LossFunction] =
    [
      .logLoss, .brier, .squaredError, .absoluteError, .hinge,
      .weightedLogLoss(positiveWeight: 1, negativeWeight: 3), .focal(gamma: 2, alpha: 0.25),
      .focal(gamma: 0.5),
    ]
    + [
      ("if(y > 0.5, c * (1 - p)^2, p^2) + 0.1 * abs(m)", ["c": 4.0]),
      ("max(0, 1 - (2*y - 1) * m) ^ 2", [:]),
    ].compactMap { text, constants in
      (try? LossExpression(text, constants: constants)).map(LossFunction.custom)
    }

  @Test func everyCustomExpressionParses() {
    #expect(Self.losses.count == 10)
  }

  @Test(arguments: losses)
  func attributionsAddUpToTheLossMinusTheBaseline(_ loss: LossFunction) throws {
    let root = FixturePaths.repositoryRoot() + "/fixtures/loss/"
    let bound = try BoundRows(model: .file(root + "plain.json"), data: root + "credit.csv")
    let rows = bound.matrix.rows(Array(0..<60))
    let background = try BackgroundData(
      bound.matrix.rows(Array(200..<240)), featureCount: bound.model.featureCount)
    let labels = (0..<60).map { $0 % 3 == 0 ? 0.0 : 1.0 }
    let explainer = try LossExplainer(
      model: bound.model, background: background, loss: loss.marginLoss(link: .logistic),
      method: .tree)
    let attributions = try explainer.explain(
      rows, labels: labels, options: ExplainOptions(threads: 2))
    let margins = try bound.model.predict(rows, output: .margin, threads: 1)
    let m = attributions.featureCount
    for row in 0..<60 {
      let sum = (0..<m).reduce(0.0) { $0 + attributions.values[row * m + $1] }
      let gap = attributions.losses[row] - attributions.baselines[row]
      #expect(abs(sum - gap) <= 1e-10 * max(1, abs(gap)), "row \(row): \(sum) vs \(gap)")
      let declared = loss.evaluate(
        y: labels[row], p: OutputTransform.logistic.apply(margins[row]), m: margins[row])
      #expect(
        abs(attributions.losses[row] - declared) <= 1e-5 * max(1, abs(declared)),
        "row \(row): \(attributions.losses[row]) vs \(declared)")
    }
  }
}
