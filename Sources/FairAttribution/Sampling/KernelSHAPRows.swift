import FairModels
import _FairSupport

/// The work of ``KernelSHAP`` on one chunk of rows: choose coalitions per row, value all of
/// them with one ``CoalitionScorer`` pass, then solve each row's regression.
struct KernelSHAPRows: Sendable {
  let players: CoalitionPlayers
  let scorer: CoalitionScorer
  let link: KernelSHAP.Link
  let sampleCount: Int?
  /// `Σ_r w_r f(r)` before the link.
  let expectation: Double
  let seed: UInt64
  /// Each row's stream key (``ExplainOptions/rowKeys``); the row's position when `nil`.
  var rowKeys: [UInt64]? = nil

  /// The attributions and standard errors of `rows`, row-major over players.
  func explain(_ matrix: FeatureMatrix, rows: Range<Int>, predictions: [Double]) throws
    -> (values: [Double], standardErrors: [Double])
  {
    let width = matrix.featureCount
    let playerCount = players.count
    var values = [Double](repeating: 0, count: rows.count * playerCount)
    var errors = [Double](repeating: 0, count: rows.count * playerCount)
    var varyingOfRow: [[Int]] = []
    var samples: [CoalitionSample?] = []
    var exactSamples: [Int: CoalitionSample] = [:]
    var requests = CoalitionRequests()
    let background = scorer.background.matrix.values
    for row in rows {
      let varying = matrix.values.withUnsafeBufferPointer { all in
        background.withUnsafeBufferPointer { reference in
          players.varyingPlayers(
            row: UnsafeBufferPointer(rebasing: all[(row * width)..<((row + 1) * width)]),
            background: reference, width: width)
        }
      }
      varyingOfRow.append(varying)
      let m = varying.count
      guard m >= 2 else {
        samples.append(nil)
        continue
      }
      let budget = sampleCount ?? CoalitionSample.defaultSampleCount(playerCount: m)
      let sample: CoalitionSample
      if budget >= CoalitionSample.maximumSampleCount(playerCount: m) {
        if let cached = exactSamples[m] {
          sample = cached
        } else {
          var unused = SplitMix64(seed: 0)
          sample = CoalitionSample(playerCount: m, sampleCount: budget, generator: &unused)
          exactSamples[m] = sample
        }
      } else {
        var generator = SplitMix64(seed: SplitMix64.derivedSeed(seed, rowKeys?[row] ?? UInt64(row)))
        sample = CoalitionSample(playerCount: m, sampleCount: budget, generator: &generator)
      }
      samples.append(sample)
      sample.masks.withUnsafeBufferPointer { masks in
        for coalition in 0..<sample.count {
          requests.begin(row: row)
          for (position, player) in varying.enumerated() where masks[coalition * m + position] != 0
          {
            for feature in players.members[player] { requests.appendFeature(feature) }
          }
        }
      }
    }
    let expected = try scorer.values(of: requests, rows: matrix)
    let base = KernelSHAP.apply(link, expectation)
    var offset = 0
    for (slot, row) in rows.enumerated() {
      let varying = varyingOfRow[slot]
      let delta = KernelSHAP.apply(link, predictions[row]) - base
      let output = slot * playerCount
      if varying.count == 1 { values[output + varying[0]] = delta }
      guard let sample = samples[slot] else { continue }
      var targets = [Double](repeating: 0, count: sample.count)
      for coalition in 0..<sample.count {
        targets[coalition] = KernelSHAP.apply(link, expected[offset + coalition]) - base
      }
      offset += sample.count
      let solution = KernelSHAPRegression.solve(sample: sample, targets: targets, delta: delta)
      for (position, player) in varying.enumerated() {
        values[output + player] = solution.values[position]
        errors[output + player] = solution.standardErrors[position]
      }
    }
    return (values, errors)
  }
}
