import FairModels
import Foundation

/// Three tiny XGBoost and LightGBM models rebuilt by hand, the rows their library outputs were
/// computed on, and helpers to build small trees.
///
/// The same models, as the libraries wrote them, are `XGBoostTestModels` and
/// `LightGBMTestModels` in the FairModels tests; the expected values are in `TreeSHAPTests`.
enum TestModels {
  /// One node of a hand-built tree.
  typealias Node = (
    feature: Int32, threshold: Double, left: Int32, right: Int32, rule: SplitRule,
    categories: [Int32], value: Double, cover: Double
  )

  /// Builds a tree from per-node tuples; children are node indexes within the tree.
  static func tree(_ nodes: [Node]) -> Tree {
    var tree = Tree(nodeCount: nodes.count)
    for (index, node) in nodes.enumerated() {
      tree.splitFeature[index] = node.feature
      tree.threshold[index] = node.threshold
      tree.leftChild[index] = node.left
      tree.rightChild[index] = node.right
      tree.rule[index] = node.rule
      tree.categories[index] = node.categories
      tree.value[index] = node.value
      tree.cover[index] = node.cover
    }
    return tree
  }

  /// A numeric XGBoost split node.
  static func xgbSplit(
    _ feature: Int32, _ threshold: Float, left: Int32, right: Int32, defaultLeft: Bool,
    cover: Double
  ) -> Node {
    (feature, Double(threshold), left, right, defaultLeft ? .defaultLeft : [], [], 0, cover)
  }

  /// A leaf.
  static func leaf(_ value: Double, cover: Double) -> Node {
    (-1, 0, -1, -1, [], [], value, cover)
  }

  static func numericFeatures(_ count: Int) -> [ModelFeature] {
    (0..<count).map { ModelFeature(name: "f\($0)") }
  }

  /// The XGBoost 3.4.1 "AND" model (`reg:squarederror`, `base_score` 0).
  ///
  /// One tree of depth 2, grown by XGBoost 3.4.1 in one round (`max_depth=2`, `eta=1`,
  /// `lambda=0`) on the rows `[1, 1], [1, 0], [0, 1], [0, 0]` with labels `1, 0, 0, 0`, a
  /// case from XGBoost's own test suite. Its thresholds are 1, so a value of exactly 1 goes
  /// right under XGBoost's strict `<`. Its `pred_contribs` are exact dyadic numbers.
  static func xgboostAnd() throws -> TreeEnsemble {
    let tree = TestModels.tree([
      xgbSplit(0, 1, left: 1, right: 2, defaultLeft: false, cover: 4),
      leaf(-0.0, cover: 2),
      xgbSplit(1, 1, left: 3, right: 4, defaultLeft: false, cover: 2),
      leaf(-0.0, cover: 1),
      leaf(1, cover: 1),
    ])
    return try TreeEnsemble(
      trees: [tree], baseMargin: 0, features: numericFeatures(2), task: .regression,
      outputTransform: .identity, accumulation: .float32, summary: "xgboost-and-model",
      file: "xgboost-and-model")
  }

  /// A tiny XGBoost 3.4.1 `binary:logistic` model, `base_score` 0.4675.
  ///
  /// Two trees of depth 2 over three numeric features, with the thresholds, leaf values and
  /// `sum_hessian` covers of its JSON file (`XGBoostTestModels.logistic`). The root of tree 0
  /// sends missing values left and the root of tree 1 right, so ``tinyModelRows`` exercise
  /// both default directions. The expected values are XGBoost 3.4.1's
  /// `predict(output_margin=True)` and `predict(pred_contribs=True)` on ``tinyModelRows``.
  static func xgboostLogistic() throws -> TreeEnsemble {
    let first = TestModels.tree([
      xgbSplit(0, 5.067324E-1, left: 1, right: 2, defaultLeft: true, cover: 9.957751E1),
      xgbSplit(1, 5E-1, left: 3, right: 4, defaultLeft: true, cover: 7.194475E1),
      xgbSplit(0, 6.957642E-1, left: 5, right: 6, defaultLeft: false, cover: 2.7632757E1),
      leaf(Double(Float(-8.8934916E-1)), cover: Double(Float(1.792395E1))),
      leaf(Double(Float(-1.131163E-1)), cover: Double(Float(5.4020798E1))),
      leaf(Double(Float(3.7074563E-1)), cover: Double(Float(6.970425E0))),
      leaf(Double(Float(9.2782027E-1)), cover: Double(Float(2.0662333E1))),
    ])
    let second = TestModels.tree([
      xgbSplit(0, -7.444049E-1, left: 1, right: 2, defaultLeft: false, cover: 9.215296E1),
      xgbSplit(2, 8.970237E-1, left: 3, right: 4, defaultLeft: true, cover: 1.9364307E1),
      xgbSplit(1, 3.5E0, left: 5, right: 6, defaultLeft: false, cover: 7.278865E1),
      leaf(Double(Float(-7.669917E-1)), cover: Double(Float(1.6070114E1))),
      leaf(Double(Float(-3.0617645E-1)), cover: Double(Float(3.2941937E0))),
      leaf(Double(Float(3.9101908E-1)), cover: Double(Float(5.2304237E1))),
      leaf(Double(Float(-3.0783057E-1)), cover: Double(Float(2.0484415E1))),
    ])
    let baseScore = Float(4.675E-1)
    let baseMargin = Double(-logf(1 / baseScore - 1))
    return try TreeEnsemble(
      trees: [first, second], baseMargin: baseMargin, features: numericFeatures(3),
      task: .binaryClassification, outputTransform: .logistic, accumulation: .float32,
      summary: "xgboost-tiny-logistic", file: "xgboost-tiny-logistic")
  }

  /// A tiny LightGBM 4.7.0 binary model; column 1 categorical, {1, 3} left.
  ///
  /// Two trees of 3 leaves, with the thresholds, leaf values and `internal_count`/`leaf_count`
  /// covers of its text file (`LightGBMTestModels.tiny`). The expected values are LightGBM
  /// 4.7.0's `predict(raw_score=True)` and `predict(pred_contrib=True)` on ``tinyModelRows``.
  static func lightGBMCategorical() throws -> TreeEnsemble {
    // decision_type 10: numeric, default left, missing NaN; 9: categorical, missing NaN;
    // 8: numeric, missing NaN.
    let numericDefaultLeft: SplitRule = [.lessOrEqual, .defaultLeft, .missingNaN]
    let numeric: SplitRule = [.lessOrEqual, .missingNaN]
    let categorical: SplitRule = [.lessOrEqual, .categorical, .missingNaN]
    // Internal nodes first, then leaves 0, 1, 2 at node indexes 2, 3, 4.
    let first = TestModels.tree([
      (0, 0.59308648715847523, 1, 3, numericDefaultLeft, [], 0, 400),
      (1, 0, 2, 4, categorical, [1, 3], 0, 300),
      leaf(0.372373580030602, cover: 110),
      leaf(0.75857150701260156, cover: 100),
      leaf(-0.84419736079002239, cover: 190),
    ])
    let second = TestModels.tree([
      (0, -0.78908363168622697, 2, 1, numeric, [], 0, 400),
      (1, 0, 3, 4, categorical, [1, 3], 0, 322),
      leaf(-0.80007947687670111, cover: 78),
      leaf(0.59876599682173981, cover: 116),
      leaf(-0.19108982617696377, cover: 206),
    ])
    let features = [
      ModelFeature(name: "Column_0"),
      ModelFeature(name: "Column_1", kind: .categorical(levels: ["0", "1", "2", "3", "4"])),
      ModelFeature(name: "Column_2"),
    ]
    return try TreeEnsemble(
      trees: [first, second], baseMargin: 0, features: features, task: .binaryClassification,
      outputTransform: .logistic, accumulation: .float64, summary: "lightgbm-tiny-binary",
      file: "lightgbm-tiny-binary")
  }

  /// The four rows the logistic XGBoost and the LightGBM models were evaluated on by their
  /// libraries: ordinary values; NaN at both XGBoost roots (row 2); NaN below the roots and
  /// a missing category (row 3); and category 0, which LightGBM sends right (row 4).
  static let tinyModelRows: [Double] = [
    0.3, 1, 0.0,
    .nan, 3, 1.0,
    -1.2, .nan, .nan,
    2.0, 0, -0.5,
  ]
}
