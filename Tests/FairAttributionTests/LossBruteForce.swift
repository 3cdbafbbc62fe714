import FairAttribution
import FairModels

/// Reference loss attributions by enumerating every coalition of players.
enum LossBruteForce {
  /// The hybrid of `x` and `reference` that takes the members of the players in `coalition`
  /// from `x`.
  static func hybrid(
    _ x: [Double], _ reference: [Double], coalition: Int, members: [[Int]]
  ) -> [Double] {
    var row = reference
    for (player, features) in members.enumerated() where coalition & (1 << player) != 0 {
      for feature in features { row[feature] = x[feature] }
    }
    return row
  }

  /// The players of `featureCount` features under `groups`, ordered as the explainer orders
  /// its columns: each group at its first member, other features alone.
  static func players(featureCount: Int, groups: [FeatureGroup]) -> [[Int]] {
    var players: [[Int]] = []
    var seen = Set<Int>()
    for feature in 0..<featureCount where !seen.contains(feature) {
      if let group = groups.first(where: { $0.members.contains(feature) }) {
        players.append(group.members.sorted())
        seen.formUnion(group.members)
      } else {
        players.append([feature])
        seen.insert(feature)
      }
    }
    return players
  }

  /// shap's rule: the exact Shapley values of each margin pair game, rescaled by
  /// `[L(m_x, y) − L(m_r, y)] / (m_x − m_r)` (1 for equal margins), weighted over `r`.
  static func rescaledPairGames(
    _ model: TreeEnsemble, rows: FeatureMatrix, labels: [Double], background: FeatureMatrix,
    weights: [Double], loss: MarginLoss, groups: [FeatureGroup] = []
  ) -> [Double] {
    let members = players(featureCount: model.featureCount, groups: groups)
    let total = weights.reduce(0, +)
    let references = BruteForceShapley.rows(background)
    var values: [Double] = []
    for (row, x) in BruteForceShapley.rows(rows).enumerated() {
      let label = labels[row]
      let own = BruteForceShapley.margin(model, row: x)
      var sum = [Double](repeating: 0, count: members.count)
      for (index, reference) in references.enumerated() {
        let other = BruteForceShapley.margin(model, row: reference)
        let phi = BruteForceShapley.shapley(featureCount: members.count) { coalition in
          BruteForceShapley.margin(
            model, row: hybrid(x, reference, coalition: coalition, members: members))
        }
        let factor =
          own == other
          ? 1 : (loss.evaluate(own, label) - loss.evaluate(other, label)) / (own - other)
        for player in sum.indices {
          sum[player] += weights[index] / total * factor * phi[player]
        }
      }
      values += sum
    }
    return values
  }

  /// The exact Shapley values of the loss game `v(S) = Σ_r w_r·L(f(x_S, r_S̄), y)`.
  static func lossGame(
    _ model: any ScoringModel, rows: FeatureMatrix, labels: [Double],
    background: FeatureMatrix, weights: [Double], loss: MarginLoss
  ) throws -> [Double] {
    let members = players(featureCount: model.featureCount, groups: [])
    let total = weights.reduce(0, +)
    let references = BruteForceShapley.rows(background)
    var values: [Double] = []
    for (row, x) in BruteForceShapley.rows(rows).enumerated() {
      var hybrids: [Double] = []
      let coalitions = 1 << members.count
      for coalition in 0..<coalitions {
        for reference in references {
          hybrids += hybrid(x, reference, coalition: coalition, members: members)
        }
      }
      let margins = try model.predict(
        FeatureMatrix(
          values: hybrids, rowCount: coalitions * references.count,
          featureCount: model.featureCount))
      values += BruteForceShapley.shapley(featureCount: members.count) { coalition in
        var sum = 0.0
        for index in references.indices {
          let margin = margins[coalition * references.count + index]
          sum += weights[index] / total * loss.evaluate(margin, labels[row])
        }
        return sum
      }
    }
    return values
  }
}
