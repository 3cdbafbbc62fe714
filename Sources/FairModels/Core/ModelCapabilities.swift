/// A model that is a tree ensemble in FairGate's struct-of-arrays form, so that the tree
/// explainers can walk its trees: XGBoost and LightGBM models, and any loader that builds a
/// ``TreeEnsemble``.
package protocol TreeEnsembleModel: ScoringModel {
  /// The trees, with their splits, leaf values and covers.
  var treeEnsemble: TreeEnsemble { get }
}

/// A model whose margin is `offset + Σ_m weight_m · value_m(node the row ends in)` over
/// trees whose nodes route rows by predicates on at most one field: the structure the
/// TreeSHAP variants for PMML trees need.
package protocol AdditiveTreeModel: ScoringModel {
  /// Whether the model holds any trees at all (a PMML document may hold another model type).
  var hasTrees: Bool { get }

  /// The trees of the sum, or an error saying why the model is not such a sum.
  ///
  /// - Parameter requiringCovers: Whether every node must carry a positive record count,
  ///   as path-dependent TreeSHAP needs.
  func additiveTrees(requiringCovers: Bool) throws -> PMMLAdditiveTrees

  /// For every row, each tree's node route (the model's own routing, one entry per node).
  func treeRoutes(_ batch: RowBatch, trees: PMMLAdditiveTrees) -> [Int32]

  /// For every row, the truth of every node's predicate: 1 true, 0 false, -1 unknown.
  func predicateTruths(_ batch: RowBatch, trees: PMMLAdditiveTrees) -> [Int8]
}

/// A model whose margin is an intercept plus a sum of terms that each read few fields:
/// regression models, general regression models and scorecards, the structure linear SHAP
/// needs.
package protocol AdditiveTermModel: ScoringModel {
  /// The terms, or `nil` when the margin is not such a sum.
  var linearDecomposition: PMMLLinearDecomposition? { get }

  /// The value of every term for every row, row-major.
  func linearTermValues(_ batch: RowBatch) throws -> [Double]

  /// Why the model refuses `row` of `matrix`, for messages; `nil` when the reason is unknown.
  func refusalReason(_ matrix: FeatureMatrix, row: Int) -> String?
}

extension TreeEnsemble: TreeEnsembleModel {
  /// The ensemble itself.
  package var treeEnsemble: TreeEnsemble { self }
}

extension PMMLModel: AdditiveTreeModel, AdditiveTermModel {
  /// Whether the document's model is made of `TreeModel`s.
  package var hasTrees: Bool { !trees.isEmpty }

  /// The first of the model's own reasons for refusing the row.
  package func refusalReason(_ matrix: FeatureMatrix, row: Int) -> String? {
    rowIssues(matrix.rows([row])).first.map { issue in
      (issue.field.map { "field '\($0)': " } ?? "") + issue.message
    }
  }
}
