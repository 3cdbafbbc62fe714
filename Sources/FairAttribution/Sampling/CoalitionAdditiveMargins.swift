import FairModels

/// Hybrid margins without model calls, for models whose margin is a sum of terms that each
/// read the features of a single player.
///
/// If `margin(x) = c + Σ_k t_k(x)` and every term reads features of one player only, then a
/// hybrid of `x` and a background row `b` that takes the players of `S` from `x` has
///
/// ```
/// margin(h) = margin(b) + Σ_{f ∈ S's features} D_b[f],
/// D_b[f] = Σ_{k assigned to f} (t_k(x) − t_k(b))
/// ```
///
/// where each term is assigned to its first feature (a player is switched as a whole, so a
/// term's features are all in or all out). The values are those of the model up to the
/// rounding of the sums. Two kinds of models expose such a decomposition: a
/// ``LinearMarginModel`` (its ``LinearMarginModel/linearTerms``) and a PMML model with
/// `PMMLModel.linearDecomposition` (regression models and scorecards, including their
/// missing-value and preprocessing rules). For every other model, or when a term spans two
/// players, or when a row's terms cannot be evaluated (NaN), the scorer falls back to
/// scoring hybrid rows.
struct CoalitionAdditiveMargins: Sendable {
  /// Where term values come from.
  private enum Source: Sendable {
    case terms(any AdditiveTermModel)
    case linear([LinearTerm])
  }

  private let source: Source
  /// The feature each term is assigned to; -1 for terms that read no feature.
  let termFeature: [Int]
  /// The term values of the background rows, `B × K`.
  private(set) var backgroundTerms: [Double]
  /// The margins of the background rows, `c + Σ_k t_k(b)`.
  private(set) var backgroundMargins: [Double]
  let width: Int

  var termCount: Int { termFeature.count }

  /// The decomposition for `model`, or `nil` when it has none that fits the players.
  init?(model: any ScoringModel, background: FeatureMatrix, playerOfFeature: [Int]) throws {
    let intercept: Double
    var termFeature: [Int] = []
    if let linear = model as? any LinearMarginModel {
      source = .linear(linear.linearTerms)
      intercept = linear.intercept
      termFeature = linear.linearTerms.map(\.feature)
    } else if let terms = model as? any AdditiveTermModel,
      let decomposition = terms.linearDecomposition
    {
      source = .terms(terms)
      intercept = decomposition.intercept
      for term in decomposition.terms {
        guard let first = term.featureIndices.first else {
          termFeature.append(-1)
          continue
        }
        let player = playerOfFeature[first]
        guard term.featureIndices.allSatisfy({ playerOfFeature[$0] == player }) else {
          return nil
        }
        termFeature.append(first)
      }
    } else {
      return nil
    }
    self.termFeature = termFeature
    width = background.featureCount
    backgroundTerms = []
    backgroundMargins = []
    let terms = try termValues(of: background, rows: 0..<background.rowCount)
    guard !terms.contains(where: \.isNaN) else { return nil }
    let count = termFeature.count
    var margins: [Double] = []
    for row in 0..<background.rowCount {
      var margin = intercept
      for k in 0..<count { margin += terms[row * count + k] }
      margins.append(margin)
    }
    backgroundTerms = terms
    backgroundMargins = margins
  }

  /// The term values of `rows` of `matrix`, `rows.count × K`; NaN rows where the model
  /// cannot evaluate them.
  func termValues(of matrix: FeatureMatrix, rows: Range<Int>) throws -> [Double] {
    let slice = matrix.values[(rows.lowerBound * width)..<(rows.upperBound * width)]
    switch source {
    case .terms(let model):
      return try model.linearTermValues(RowBatch(values: slice, featureCount: width))
    case .linear(let terms):
      var values: [Double] = []
      values.reserveCapacity(rows.count * terms.count)
      for row in rows {
        for term in terms {
          values.append(term.coefficient * term.basisValue(matrix[row, term.feature]))
        }
      }
      return values
    }
  }

  /// `D_b[f]` for every background row, `B × m`, from one row's term values.
  func differences(rowTerms: ArraySlice<Double>) -> [Double] {
    let count = termCount
    let backgroundRows = backgroundMargins.count
    var result = [Double](repeating: 0, count: backgroundRows * width)
    let base = rowTerms.startIndex
    for b in 0..<backgroundRows {
      for k in 0..<count where termFeature[k] >= 0 {
        result[b * width + termFeature[k]] += rowTerms[base + k] - backgroundTerms[b * count + k]
      }
    }
    return result
  }
}
