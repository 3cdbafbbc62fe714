import RealModule
package import _FairSupport

/// The coalitions KernelSHAP evaluates for one row, with their regression weights, chosen by
/// shap's `KernelExplainer` scheme (<doc:KernelSHAPAlgorithm#Choosing-coalitions>).
///
/// **Size weights.** With `M` players, sizes `s = 1 … ⌈(M−1)/2⌉` get the Shapley kernel mass
/// `(M−1) / (s·(M−s))`, doubled for `s ≤ ⌊(M−1)/2⌋` because size `s` comes with its
/// complement size `M − s`; the vector is normalised to sum 1 (``sizeWeights``).
///
/// **Phase 1, enumeration from the outside in.** While the remaining budget covers every
/// coalition of the next size (and of its complement size), all of them are added, each with
/// weight `sizeWeights[s] / C(M, s)` (halved when paired), and the remaining weights are
/// renormalised. When `sampleCount ≥ 2^M − 2` every size is enumerated: the sample is
/// *exact* and the regression returns exact Shapley values.
///
/// **Phase 2, paired random sampling.** The sizes left are drawn with probabilities
/// proportional to their weights (paired sizes halved), up to `4 · left` draws; each draw
/// takes a uniformly random coalition of that size and, for paired sizes, its complement. A
/// coalition drawn again only increments its count; new coalitions use up the budget.
/// Finally the counts are rescaled to sum to the weight of the sizes not enumerated.
///
/// The draws themselves are kept (``draws``), because the standard errors of KernelSHAP
/// treat each draw as one independent observation.
package struct CoalitionSample: Sendable, Equatable {
  /// One phase-2 draw: the coalition drawn and, for a paired size, its complement.
  package struct Draw: Sendable, Equatable {
    /// The index of the drawn coalition.
    package var coalition: Int
    /// The index of its complement, or -1 when the size is not paired or the budget ran out.
    package var complement: Int
  }

  /// The number of players `M`.
  package let playerCount: Int
  /// The coalitions, row-major `count × playerCount`: 1 where the player is in.
  package private(set) var masks: [UInt8] = []
  /// The regression weight of each coalition.
  package private(set) var weights: [Double] = []
  /// The number of coalitions enumerated in phase 1; they come first.
  package private(set) var enumeratedCount = 0
  /// The number of sizes (counting a size and its complement once) enumerated in phase 1.
  package private(set) var enumeratedSizeCount = 0
  /// The normalised size weights, for sizes `1 … ⌈(M−1)/2⌉`.
  package let sizeWeights: [Double]
  /// The phase-2 draws, in order.
  package private(set) var draws: [Draw] = []
  /// The total weight of phase 2, `Σ sizeWeights` over sizes not enumerated.
  package private(set) var sampledWeight = 0.0

  /// The number of coalitions.
  package var count: Int { weights.count }

  /// Whether every proper coalition is enumerated, so that the regression is exact.
  package var isExact: Bool { draws.isEmpty }

  /// The number of coalitions shap uses by default: `2·M + 2048`, capped at `2^M − 2`.
  package static func defaultSampleCount(playerCount: Int) -> Int {
    min(2 * playerCount + 2048, maximumSampleCount(playerCount: playerCount))
  }

  /// The number of proper, non-empty coalitions, `2^M − 2` (saturating).
  package static func maximumSampleCount(playerCount: Int) -> Int {
    playerCount >= 62 ? Int.max : (1 << playerCount) - 2
  }

  /// Chooses coalitions by shap's scheme.
  ///
  /// - Parameters:
  ///   - playerCount: The number of players `M`, at least 2.
  ///   - sampleCount: The budget of distinct coalitions; capped at `2^M − 2`.
  ///   - generator: The random source of phase 2; untouched when phase 1 covers everything.
  /// - Complexity: O(*S*·*M*) for *S* coalitions, plus O(*S*) hash look-ups in phase 2.
  package init(playerCount: Int, sampleCount: Int, generator: inout SplitMix64) {
    precondition(playerCount >= 2, "'playerCount' \(playerCount) must be at least 2")
    precondition(sampleCount >= 1, "'sampleCount' \(sampleCount) must be at least 1")
    let m = playerCount
    self.playerCount = m
    let budget = min(sampleCount, CoalitionSample.maximumSampleCount(playerCount: m))
    let sizeCount = (m - 1 + 1) / 2  // ⌈(M−1)/2⌉
    let pairedCount = (m - 1) / 2  // ⌊(M−1)/2⌋
    var sizeWeights = (1...sizeCount).map { s in Double(m - 1) / Double(s * (m - s)) }
    for s in 1...max(1, pairedCount) where s <= pairedCount { sizeWeights[s - 1] *= 2 }
    var total = 0.0
    for weight in sizeWeights { total += weight }
    for index in sizeWeights.indices { sizeWeights[index] /= total }
    self.sizeWeights = sizeWeights

    var left = Double(budget)
    var remaining = sizeWeights
    for s in 1...sizeCount {
      let paired = s <= pairedCount
      let combinations = CoalitionSample.binomial(m, s)
      let subsets = combinations * (paired ? 2 : 1)
      guard left * remaining[s - 1] / subsets >= 1 - 1e-8 else { break }
      enumeratedSizeCount += 1
      left -= subsets
      if remaining[s - 1] < 1 {
        let scale = 1 - remaining[s - 1]
        for index in remaining.indices { remaining[index] /= scale }
      }
      var weight = sizeWeights[s - 1] / combinations
      if paired { weight /= 2 }
      enumerate(size: s, weight: weight, paired: paired)
    }
    enumeratedCount = weights.count
    if enumeratedSizeCount < sizeCount {
      sample(
        left: Int(left.rounded()), pairedCount: pairedCount, sizeCount: sizeCount,
        generator: &generator)
    }
  }

  /// Adds every coalition of `size` players (and its complement when `paired`).
  private mutating func enumerate(size: Int, weight: Double, paired: Bool) {
    let m = playerCount
    var chosen = Array(0..<size)
    while true {
      var mask = [UInt8](repeating: 0, count: m)
      for player in chosen { mask[player] = 1 }
      append(mask, weight: weight)
      if paired {
        for index in mask.indices { mask[index] = 1 - mask[index] }
        append(mask, weight: weight)
      }
      // Next combination in lexicographic order.
      var position = size - 1
      while position >= 0 && chosen[position] == m - size + position { position -= 1 }
      if position < 0 { return }
      chosen[position] += 1
      for next in (position + 1)..<max(position + 1, size) { chosen[next] = chosen[next - 1] + 1 }
    }
  }

  private mutating func append(_ mask: [UInt8], weight: Double) {
    masks.append(contentsOf: mask)
    weights.append(weight)
  }

  /// Phase 2: paired random draws until `left` new coalitions are added.
  private mutating func sample(
    left initialLeft: Int, pairedCount: Int, sizeCount: Int, generator: inout SplitMix64
  ) {
    let m = playerCount
    let firstSize = enumeratedSizeCount + 1
    var probabilities: [Double] = []
    for s in firstSize...sizeCount {
      probabilities.append(sizeWeights[s - 1] / (s <= pairedCount ? 2 : 1))
    }
    var total = 0.0
    for value in probabilities { total += value }
    var cumulative: [Double] = []
    var running = 0.0
    for value in probabilities {
      running += value / total
      cumulative.append(running)
    }
    sampledWeight = 0
    for s in firstSize...sizeCount { sampledWeight += sizeWeights[s - 1] }
    var left = initialLeft
    var seen: [CoalitionKey: Int] = [:]
    var order = Array(0..<m)
    var mask = [UInt8](repeating: 0, count: m)
    var drawsLeft = 4 * left
    while left > 0 && drawsLeft > 0 {
      drawsLeft -= 1
      let u = generator.nextDouble()
      var pick = 0
      while pick < cumulative.count - 1 && u >= cumulative[pick] { pick += 1 }
      let size = firstSize + pick
      // A uniform subset of `size` players: the first `size` of a partial shuffle.
      for position in 0..<size {
        let other = position + generator.nextInt(below: m - position)
        order.swapAt(position, other)
      }
      for position in 0..<m { mask[position] = 0 }
      for position in 0..<size { mask[order[position]] = 1 }
      let key = CoalitionKey(members: order[0..<size], playerCount: m)
      let paired = size <= pairedCount
      if let existing = seen[key] {
        weights[existing] += 1
        var complement = -1
        if paired && existing + 1 < weights.count && left > 0 {
          weights[existing + 1] += 1
          complement = existing + 1
        }
        draws.append(Draw(coalition: existing, complement: complement))
      } else {
        let index = weights.count
        seen[key] = index
        append(mask, weight: 1)
        left -= 1
        var complement = -1
        if paired && left > 0 {
          for position in mask.indices { mask[position] = 1 - mask[position] }
          append(mask, weight: 1)
          left -= 1
          complement = index + 1
        }
        draws.append(Draw(coalition: index, complement: complement))
      }
    }
    var counted = 0.0
    for index in enumeratedCount..<weights.count { counted += weights[index] }
    if counted > 0 {
      let scale = sampledWeight / counted
      for index in enumeratedCount..<weights.count { weights[index] *= scale }
    }
  }

  /// `C(n, k)` as a `Double`.
  static func binomial(_ n: Int, _ k: Int) -> Double {
    var result = 1.0
    for i in 0..<min(k, n - k) { result = result * Double(n - i) / Double(i + 1) }
    return result.rounded()
  }
}

/// A coalition as bits, for detecting repeated draws; no allocation up to 128 players.
private struct CoalitionKey: Hashable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  var rest: [UInt64] = []

  init(members: ArraySlice<Int>, playerCount: Int) {
    if playerCount > 128 { rest = [UInt64](repeating: 0, count: (playerCount - 128 + 63) / 64) }
    for player in members {
      let bit: UInt64 = 1 << UInt64(player & 63)
      switch player >> 6 {
      case 0: low |= bit
      case 1: high |= bit
      default: rest[(player >> 6) - 2] |= bit
      }
    }
  }
}
