import FairAttribution
import FairModels
import Foundation
import _FairSupport

/// Small in-memory models and a brute-force interventional Shapley reference for the tests of
/// the model-agnostic explainers. (No tests live here.)
enum AgnosticTestModels {
  /// A polynomial margin: `bias + Σ w_j x_j + Σ c_jk x_j x_k + t·x₀x₁x₂`, with a logistic
  /// output transform.
  struct Polynomial: ScoringModel {
    let features: [ModelFeature]
    var task: ModelTask { .binaryClassification }
    var outputTransform: OutputTransform { .logistic }
    var summary: String { "polynomial test model" }
    let bias: Double
    let linear: [Double]
    /// `(j, k, c)` interaction terms.
    let interactions: [(Int, Int, Double)]
    let triple: Double

    func margin(_ x: ArraySlice<Double>) -> Double {
      let base = x.startIndex
      var sum = bias
      for (j, w) in linear.enumerated() { sum += w * x[base + j] }
      for (j, k, c) in interactions { sum += c * x[base + j] * x[base + k] }
      if linear.count >= 3 { sum += triple * x[base] * x[base + 1] * x[base + 2] }
      return sum
    }

    func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
      let width = batch.featureCount
      let start = batch.values.startIndex
      margins = (0..<batch.rowCount).map { row in
        margin(batch.values[(start + row * width)..<(start + (row + 1) * width)])
      }
    }
  }

  /// A random polynomial model over `width` features; `interactionCount` pair terms.
  static func polynomial(width: Int, interactionCount: Int, seed: UInt64) -> Polynomial {
    var generator = SplitMix64(seed: seed)
    func uniform() -> Double { generator.nextDouble() * 2 - 1 }
    let linear = (0..<width).map { _ in uniform() }
    var interactions: [(Int, Int, Double)] = []
    for _ in 0..<interactionCount {
      let j = generator.nextInt(below: width)
      let k = generator.nextInt(below: width)
      interactions.append((j, k, uniform() * 0.8))
    }
    return Polynomial(
      features: (0..<width).map { ModelFeature(name: "x\($0)") }, bias: uniform(),
      linear: linear, interactions: interactions, triple: interactionCount > 0 ? 0.3 : 0)
  }

  /// Random rows with values in [−1.5, 1.5] rounded to 0.25, so that some values repeat.
  static func matrix(rows: Int, width: Int, seed: UInt64) -> FeatureMatrix {
    var generator = SplitMix64(seed: seed)
    let values = (0..<(rows * width)).map { _ in
      (generator.nextDouble() * 12).rounded(.down) / 4 - 1.5
    }
    return FeatureMatrix(values: values, rowCount: rows, featureCount: width)
  }

  /// A logistic regression, `margin = b + w·x`, with analytic gradients; categorical
  /// features get gradient 0 and contribute `w_j · code`.
  struct Logistic: DifferentiableModel {
    let features: [ModelFeature]
    var task: ModelTask { .binaryClassification }
    var outputTransform: OutputTransform { .logistic }
    var summary: String { "logistic test model" }
    let bias: Double
    let weights: [Double]

    func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
      let width = batch.featureCount
      let start = batch.values.startIndex
      margins = (0..<batch.rowCount).map { row in
        var sum = bias
        for j in 0..<width { sum += weights[j] * batch.values[start + row * width + j] }
        return sum
      }
    }

    func marginGradients(_ batch: RowBatch, into gradients: inout [Double]) {
      gradients = []
      for _ in 0..<batch.rowCount {
        for (j, feature) in features.enumerated() {
          if case .categorical = feature.kind {
            gradients.append(0)
          } else {
            gradients.append(weights[j])
          }
        }
      }
    }
  }

  /// A smooth non-linear margin, `Σ w_j tanh(x_j) + c·x₀·x₁ + s·sin(x₂)`, with gradients.
  struct Smooth: DifferentiableModel {
    let features: [ModelFeature]
    var task: ModelTask { .binaryClassification }
    var outputTransform: OutputTransform { .logistic }
    var summary: String { "smooth test model" }
    let weights: [Double]
    let coupling: Double
    let wave: Double

    func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
      let width = batch.featureCount
      let start = batch.values.startIndex
      margins = (0..<batch.rowCount).map { row in
        let x = { (j: Int) in batch.values[start + row * width + j] }
        var sum = coupling * x(0) * x(1) + wave * sin(x(2))
        for j in 0..<width { sum += weights[j] * tanh(x(j)) }
        return sum
      }
    }

    func marginGradients(_ batch: RowBatch, into gradients: inout [Double]) {
      let width = batch.featureCount
      let start = batch.values.startIndex
      gradients = []
      for row in 0..<batch.rowCount {
        let x = { (j: Int) in batch.values[start + row * width + j] }
        for j in 0..<width {
          let t = tanh(x(j))
          var g = weights[j] * (1 - t * t)
          if j == 0 { g += coupling * x(1) }
          if j == 1 { g += coupling * x(0) }
          if j == 2 { g += wave * cos(x(2)) }
          gradients.append(g)
        }
      }
    }
  }

  /// How the brute force maps the averaged output.
  enum Link { case identity, logit }

  /// Exact interventional Shapley values of one row over `players` (lists of features):
  /// `v(S) = link(Σ_b w_b g(f(x_S, b_S̄)))`, enumerating all `2^M` coalitions.
  static func bruteForce(
    model: any ScoringModel, row x: [Double], background: BackgroundData, players: [[Int]],
    probability: Bool, link: Link
  ) throws -> (values: [Double], base: Double) {
    let m = players.count
    let width = x.count
    let reference = background.matrix
    var hybrids: [Double] = []
    for mask in 0..<(1 << m) {
      for b in 0..<reference.rowCount {
        var h = Array(reference.values[(b * width)..<((b + 1) * width)])
        for (player, members) in players.enumerated() where mask & (1 << player) != 0 {
          for feature in members { h[feature] = x[feature] }
        }
        hybrids.append(contentsOf: h)
      }
    }
    var margins: [Double] = []
    try model.scoreMargins(RowBatch(values: hybrids[...], featureCount: width), into: &margins)
    var values = [Double](repeating: 0, count: 1 << m)
    for mask in 0..<(1 << m) {
      var sum = 0.0
      for b in 0..<reference.rowCount {
        let margin = margins[mask * reference.rowCount + b]
        sum += background.weights[b] * (probability ? 1 / (1 + exp(-margin)) : margin)
      }
      values[mask] = link == .logit ? log(sum / (1 - sum)) : sum
    }
    var factorial = [Double](repeating: 1, count: m + 1)
    for k in stride(from: 1, through: m, by: 1) { factorial[k] = factorial[k - 1] * Double(k) }
    var phi = [Double](repeating: 0, count: m)
    for player in 0..<m {
      let bit = 1 << player
      for mask in 0..<(1 << m) where mask & bit == 0 {
        let size = mask.nonzeroBitCount
        let weight = factorial[size] * factorial[m - size - 1] / factorial[m]
        phi[player] += weight * (values[mask | bit] - values[mask])
      }
    }
    return (phi, values[0])
  }

  /// Row `row` of `matrix` as an array.
  static func row(_ matrix: FeatureMatrix, _ row: Int) -> [Double] {
    Array(matrix.values[(row * matrix.featureCount)..<((row + 1) * matrix.featureCount)])
  }
}
