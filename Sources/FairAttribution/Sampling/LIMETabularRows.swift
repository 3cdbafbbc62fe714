import FairModels
import RealModule
import _FairSupport

/// The work of ``LIMETabular`` on one chunk of rows: sample, score all samples of the chunk
/// in blocks, then fit each row's surrogate.
struct LIMETabularRows: Sendable {
  let model: any ScoringModel
  let discretizer: LIMEDiscretizer
  let response: OutputTransform
  let sampleCount: Int
  let selectedFeatureCount: Int
  let kernelWidth: Double
  let seed: UInt64
  /// Each row's stream key (``ExplainOptions/rowKeys``); the row's position when `nil`.
  var rowKeys: [UInt64]? = nil

  /// The results of one chunk, row after row.
  struct Part: Sendable {
    var values: [Double] = []
    var intercepts: [Double] = []
    var localPredictions: [Double] = []
    var scores: [Double] = []
    var modelOutputs: [Double] = []
  }

  func explain(_ matrix: FeatureMatrix, rows: Range<Int>) throws -> Part {
    let width = matrix.featureCount
    let n = sampleCount
    var binary = [UInt8](repeating: 0, count: rows.count * n * width)
    var inverse = [Double](repeating: 0, count: rows.count * n * width)
    for (slot, row) in rows.enumerated() {
      var generator = SplitMix64(seed: SplitMix64.derivedSeed(seed, rowKeys?[row] ?? UInt64(row)))
      sample(
        row: row, matrix: matrix, slot: slot, binary: &binary, inverse: &inverse,
        generator: &generator)
    }
    let outputs = try score(inverse, rowCount: rows.count * n, width: width)
    var part = Part()
    var design = [Double](repeating: 0, count: n * width)
    var weights = [Double](repeating: 0, count: n)
    for slot in 0..<rows.count {
      let offset = slot * n
      for sampleIndex in 0..<n {
        var differing = 0
        for column in 0..<width {
          let bit = binary[(offset + sampleIndex) * width + column]
          design[sampleIndex * width + column] = Double(bit)
          if bit == 0 { differing += 1 }
        }
        // √exp(−d²/w²) with d² = the number of differing columns.
        weights[sampleIndex] = Double.exp(-Double(differing) / (kernelWidth * kernelWidth))
          .squareRoot()
      }
      let targets = Array(outputs[offset..<(offset + n)])
      let system = WeightedLeastSquares(
        design: design, columnCount: width, targets: targets, weights: weights)
      let selected = select(system)
      let fit = system.fit(columns: selected, alpha: 1)
      var coefficients = [Double](repeating: 0, count: width)
      var local = fit.intercept
      for (position, column) in selected.enumerated() {
        coefficients[column] = fit.coefficients[position]
        local += fit.coefficients[position]
      }
      part.values.append(contentsOf: coefficients)
      part.intercepts.append(fit.intercept)
      part.localPredictions.append(local)
      part.scores.append(fit.rSquared)
      part.modelOutputs.append(targets[0])
    }
    return part
  }

  /// lime's `feature_selection="auto"`.
  private func select(_ system: WeightedLeastSquares) -> [Int] {
    let width = system.columnCount
    let k = selectedFeatureCount
    if k <= 6 {
      // forward_selection: greedily add the column with the best unpenalised R².
      var used: [Int] = []
      for _ in 0..<min(k, width) {
        var best = 0
        var bestScore = -100_000_000.0
        for column in 0..<width where !used.contains(column) {
          let score = system.fit(columns: used + [column], alpha: 0).rSquared
          if score > bestScore {
            best = column
            bestScore = score
          }
        }
        used.append(best)
      }
      return used
    }
    // highest_weights: Ridge(alpha=0.01) on all columns, largest |coef · 1| first.
    let all = Array(0..<width)
    let coefficients = system.fit(columns: all, alpha: 0.01).coefficients
    let ranked = all.sorted { a, b in
      let left = abs(coefficients[a])
      let right = abs(coefficients[b])
      return left != right ? left > right : a < b
    }
    return Array(ranked.prefix(k))
  }

  /// Draws the samples of one row into its slot of `binary` and `inverse`.
  private func sample(
    row: Int, matrix: FeatureMatrix, slot: Int, binary: inout [UInt8], inverse: inout [Double],
    generator: inout SplitMix64
  ) {
    let width = matrix.featureCount
    let n = sampleCount
    let base = slot * n * width
    for (column, table) in discretizer.columns.enumerated() {
      let x = matrix[row, column]
      let own = table.discretise(x)
      for sampleIndex in 0..<n {
        let cell = base + sampleIndex * width + column
        if sampleIndex == 0 {
          binary[cell] = 1
          inverse[cell] = x
          _ = draw(table, &generator)  // lime draws row 0 too, then overwrites it
          continue
        }
        let drawn = draw(table, &generator)
        let same = drawn == own || (drawn.isNaN && own.isNaN)
        binary[cell] = same ? 1 : 0
        inverse[cell] = table.isNumeric ? value(of: Int(drawn), in: table, &generator) : drawn
      }
    }
  }

  /// A value drawn from `table`'s training frequencies.
  private func draw(_ table: LIMEDiscretizer.Column, _ generator: inout SplitMix64) -> Double {
    let u = generator.nextDouble()
    var index = 0
    while index < table.cumulative.count - 1 && u >= table.cumulative[index] { index += 1 }
    return table.values.isEmpty ? .nan : table.values[index]
  }

  /// lime's `undiscretize`: a truncated normal draw within the bin.
  private func value(
    of bin: Int, in table: LIMEDiscretizer.Column, _ generator: inout SplitMix64
  ) -> Double {
    if bin == table.missingBin { return .nan }
    let low = table.lower[bin]
    let high = table.upper[bin]
    let mean = table.means[bin]
    let deviation = table.deviations[bin]
    guard low < high else { return low }
    for _ in 0..<1000 {
      let candidate = mean + deviation * generator.nextGaussian()
      if candidate >= low && candidate <= high { return candidate }
    }
    return low + (high - low) * generator.nextDouble()
  }

  /// The model's responses for `rowCount` rows, scored in blocks.
  private func score(_ values: [Double], rowCount: Int, width: Int) throws -> [Double] {
    var outputs: [Double] = []
    outputs.reserveCapacity(rowCount)
    var margins: [Double] = []
    var start = 0
    while start < rowCount {
      let stop = min(rowCount, start + CoalitionScorer.blockRowLimit)
      try model.scoreMargins(
        RowBatch(values: values[(start * width)..<(stop * width)], featureCount: width),
        into: &margins)
      for margin in margins { outputs.append(response.apply(margin)) }
      start = stop
    }
    return outputs
  }
}
