import FairModels
import _FairSupport

/// The work of ``PermutationShapley`` on one chunk of rows, round by round.
struct PermutationShapleyRows: Sendable {
  let players: CoalitionPlayers
  let scorer: CoalitionScorer
  /// `v(∅) = Σ_r w_r f(r)`.
  let expectation: Double
  let tolerance: Double
  let minimumPairs: Int
  let maximumPairs: Int
  let pairsPerRound: Int
  let seed: UInt64
  /// Each row's stream key (``ExplainOptions/rowKeys``); the row's position when `nil`.
  var rowKeys: [UInt64]? = nil
  /// `v(∅)` of each explained row, by row index, when it depends on the row (a loss of the
  /// row's label); it replaces ``expectation``.
  var rowExpectations: [Double]? = nil

  /// `v(∅)` of explained row `row`.
  private func emptyValue(row: Int) -> Double { rowExpectations?[row] ?? expectation }

  /// The running state of one row.
  private struct RowState {
    var varying: [Int]
    var generator: SplitMix64
    var pairs = 0
    var mean: [Double]
    var squares: [Double]
    var isDone: Bool
    /// The permutations of the current round, `2 · pairsPerRound × M`, each followed by
    /// its reverse.
    var orders: [Int] = []
  }

  /// The attributions and standard errors of `rows`, row-major over players.
  func explain(_ matrix: FeatureMatrix, rows: Range<Int>, predictions: [Double]) throws
    -> (values: [Double], standardErrors: [Double])
  {
    let width = matrix.featureCount
    let playerCount = players.count
    var states: [RowState] = []
    let background = scorer.background.matrix.values
    for row in rows {
      let varying = matrix.values.withUnsafeBufferPointer { all in
        background.withUnsafeBufferPointer { reference in
          players.varyingPlayers(
            row: UnsafeBufferPointer(rebasing: all[(row * width)..<((row + 1) * width)]),
            background: reference, width: width)
        }
      }
      states.append(
        RowState(
          varying: varying,
          generator: SplitMix64(seed: SplitMix64.derivedSeed(seed, rowKeys?[row] ?? UInt64(row))),
          mean: Array(repeating: 0, count: varying.count),
          squares: Array(repeating: 0, count: varying.count), isDone: varying.count < 2))
    }
    while states.contains(where: { !$0.isDone }) {
      var requests = CoalitionRequests()
      for (slot, row) in rows.enumerated() where !states[slot].isDone {
        drawRound(&states[slot], row: row, into: &requests)
      }
      let valued = try scorer.values(of: requests, rows: matrix)
      var offset = 0
      for (slot, row) in rows.enumerated() where !states[slot].isDone {
        let m = states[slot].varying.count
        let used = 2 * pairsPerRound * (m - 1)
        update(
          &states[slot], values: valued[offset..<(offset + used)], full: predictions[row],
          empty: emptyValue(row: row))
        offset += used
      }
    }
    var values = [Double](repeating: 0, count: rows.count * playerCount)
    var errors = [Double](repeating: 0, count: rows.count * playerCount)
    for (slot, row) in rows.enumerated() {
      let state = states[slot]
      let output = slot * playerCount
      if state.varying.count == 1 {
        values[output + state.varying[0]] = predictions[row] - emptyValue(row: row)
      }
      guard state.varying.count >= 2 else { continue }
      let pairs = Double(state.pairs)
      for (position, player) in state.varying.enumerated() {
        values[output + player] = state.mean[position]
        errors[output + player] = (state.squares[position] / (pairs - 1) / pairs).squareRoot()
      }
    }
    return (values, errors)
  }

  /// Draws one round of permutations for a row and requests their proper prefixes.
  private func drawRound(_ state: inout RowState, row: Int, into requests: inout CoalitionRequests)
  {
    let m = state.varying.count
    state.orders.removeAll(keepingCapacity: true)
    var order = Array(0..<m)
    for _ in 0..<pairsPerRound {
      state.generator.shuffle(&order)
      state.orders.append(contentsOf: order)
      state.orders.append(contentsOf: order.reversed())
    }
    for permutation in 0..<(2 * pairsPerRound) {
      let start = permutation * m
      for length in 1..<m {
        requests.begin(row: row)
        for position in 0..<length {
          for feature in players.members[state.varying[state.orders[start + position]]] {
            requests.appendFeature(feature)
          }
        }
      }
    }
  }

  /// Turns a round's coalition values into marginal contributions and updates the running
  /// mean and squared deviations (Welford), then decides whether the row is done.
  private func update(
    _ state: inout RowState, values: ArraySlice<Double>, full: Double, empty: Double
  ) {
    let m = state.varying.count
    var first = [Double](repeating: 0, count: m)
    var second = [Double](repeating: 0, count: m)
    var cursor = values.startIndex
    for pair in 0..<pairsPerRound {
      for side in 0..<2 {
        let start = (2 * pair + side) * m
        var previous = empty
        for position in 0..<m {
          let current: Double
          if position == m - 1 {
            current = full
          } else {
            current = values[cursor]
            cursor += 1
          }
          let player = state.orders[start + position]
          if side == 0 {
            first[player] = current - previous
          } else {
            second[player] = current - previous
          }
          previous = current
        }
      }
      state.pairs += 1
      let count = Double(state.pairs)
      for player in 0..<m {
        let sample = (first[player] + second[player]) / 2
        let step = sample - state.mean[player]
        state.mean[player] += step / count
        state.squares[player] += step * (sample - state.mean[player])
      }
    }
    let pairs = Double(state.pairs)
    var largest = 0.0
    for player in 0..<m {
      largest = max(largest, (state.squares[player] / (pairs - 1) / pairs).squareRoot())
    }
    if (largest <= tolerance && state.pairs >= minimumPairs) || state.pairs >= maximumPairs {
      state.isDone = true
    }
  }
}
