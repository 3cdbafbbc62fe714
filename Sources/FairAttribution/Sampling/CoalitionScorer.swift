import FairModels

/// Values coalitions by the interventional expectation over a background, scoring the
/// hybrid rows of many coalitions in one model call per block.
///
/// For a request (row `x`, features `S`) the value is
///
/// ```
/// v = Σ_r w_r · g(f(h)),    h_j = x_j for j ∈ S, r_j otherwise
/// ```
///
/// where `f` is the model's margin and `g` the response transform (identity for margins), or,
/// when the response depends on the explained row (a loss of the row's label),
/// `g(f(h)) = rowResponse(x's row index, f(h))`.
///
/// **Distinct hybrids only.** A hybrid of `x` and `r` depends only on which of the features
/// where `x` and `r` differ it takes from `x`: with `D_r = {j : x_j ≠ r_j}` (NaN equal to
/// NaN), requests whose `S ∩ D_r` agree produce the same row. Each distinct row is scored
/// once. On tabular data, where many values repeat, this typically cuts the number of model
/// evaluations several-fold; the values are unchanged, because the model scores each row
/// independently. (Models with more than 64 features skip the deduplication.)
///
/// **Buffers.** Distinct hybrids are written into one reusable buffer (a copy of the
/// background row, then `x`'s values on `S ∩ D_r`), with no allocation per row, and each
/// block of up to ``blockRowLimit`` rows is scored by one
/// ``ScoringModel/scoreMargins(_:into:)`` call. Sums over background rows run in row order,
/// so values do not depend on blocking.
///
/// **Additive models.** For models whose margin is a sum of per-player terms
/// (``CoalitionAdditiveMargins``) hybrid margins are assembled from term values and no
/// hybrid row is scored at all.
struct CoalitionScorer: Sendable {
  /// The largest number of hybrid rows scored in one call.
  static let blockRowLimit = 1 << 16

  let model: any ScoringModel
  let background: BackgroundData
  /// The map from margin to the explained output.
  let response: OutputTransform
  /// The map from (explained row index, margin) to the explained output, when it depends on
  /// the row; it replaces ``response``.
  let rowResponse: (@Sendable (Int, Double) -> Double)?
  let additive: CoalitionAdditiveMargins?

  /// Prepares a scorer.
  ///
  /// - Parameters:
  ///   - playerOfFeature: The player of each feature; requests switch players as a whole.
  ///   - usesTerms: Whether an additive decomposition may replace scoring.
  ///   - rowResponse: The output of a hybrid of explained row `i` with margin `m`,
  ///     `rowResponse(i, m)`, when it depends on the row; it replaces `response`.
  /// - Throws: The model's error when its terms cannot be evaluated.
  init(
    model: any ScoringModel, background: BackgroundData, response: OutputTransform,
    playerOfFeature: [Int], usesTerms: Bool = true,
    rowResponse: (@Sendable (Int, Double) -> Double)? = nil
  ) throws {
    self.model = model
    self.background = background
    self.response = response
    self.rowResponse = rowResponse
    additive =
      usesTerms
      ? try CoalitionAdditiveMargins(
        model: model, background: background.matrix, playerOfFeature: playerOfFeature) : nil
  }

  /// The value of every request, in order.
  ///
  /// - Parameters:
  ///   - requests: The coalitions; requests of one explained row must be consecutive.
  ///   - matrix: The explained rows the requests point into.
  /// - Throws: Whatever the model throws.
  /// - Complexity: O(*R*·*B*·(*m* + hash)) to build, plus at most *R*·*B* model
  ///   evaluations, for *R* requests, *B* background rows and *m* features.
  func values(of requests: CoalitionRequests, rows matrix: FeatureMatrix) throws -> [Double] {
    var result = [Double](repeating: 0, count: requests.count)
    guard requests.count > 0 else { return result }
    var pending = CoalitionBlock(scorer: self, width: matrix.featureCount)
    var start = 0
    // A segment's distinct hybrids are found together; with deduplication (at most 64
    // features) a segment may hold twice a block's worth of candidate rows, so that a whole
    // row's coalitions usually share one table.
    let candidates = CoalitionScorer.blockRowLimit * (matrix.featureCount <= 64 ? 2 : 1)
    let perSegment = max(1, candidates / background.rowCount)
    while start < requests.count {
      // One segment: consecutive requests of one row, at most `perSegment` of them.
      let row = requests.rows[start]
      var stop = start + 1
      while stop < requests.count && requests.rows[stop] == row && stop - start < perSegment {
        stop += 1
      }
      if let additive,
        try additiveValues(
          additive, requests: requests, range: start..<stop, matrix: matrix, into: &result)
      {
        start = stop
        continue
      }
      if pending.rowCount + (stop - start) * background.rowCount > CoalitionScorer.blockRowLimit {
        try pending.flush(into: &result)
      }
      pending.add(requests: requests, range: start..<stop, matrix: matrix)
      start = stop
    }
    try pending.flush(into: &result)
    return result
  }

  /// Values requests `range` (one explained row) from term values; `false` when the row's
  /// terms cannot be evaluated and the requests must be scored instead.
  private func additiveValues(
    _ additive: CoalitionAdditiveMargins, requests: CoalitionRequests, range: Range<Int>,
    matrix: FeatureMatrix, into result: inout [Double]
  ) throws -> Bool {
    let row = Int(requests.rows[range.lowerBound])
    let terms = try additive.termValues(of: matrix, rows: row..<(row + 1))
    guard !terms.contains(where: \.isNaN) else { return false }
    let differences = additive.differences(rowTerms: terms[...])
    let width = matrix.featureCount
    let backgroundRows = background.rowCount
    let weights = background.weights
    let margins = additive.backgroundMargins
    let transform = response
    differences.withUnsafeBufferPointer { d in
      requests.features.withUnsafeBufferPointer { features in
        for request in range {
          let lower = requests.featureStart[request]
          let upper = requests.featureStart[request + 1]
          var sum = 0.0
          for b in 0..<backgroundRows {
            var margin = margins[b]
            let offset = b * width
            for index in lower..<upper { margin += d[offset + Int(features[index])] }
            let output = rowResponse.map { $0(row, margin) } ?? transform.apply(margin)
            sum += weights[b] * output
          }
          result[request] = sum
        }
      }
    }
    return true
  }
}

/// Requests waiting to be scored together: their distinct hybrid rows and, for every
/// (request, background row), the index of its hybrid.
private struct CoalitionBlock {
  let scorer: CoalitionScorer
  let width: Int
  /// Whether hybrids are deduplicated (at most 64 features, so a mask fits a word).
  let deduplicates: Bool
  /// The distinct hybrid rows, row-major.
  var hybrids: [Double] = []
  var rowCount = 0
  /// The requests in the block, and per (request, background row) the hybrid's index.
  var requestIndexes: [Int] = []
  var hybridOfPair: [Int32] = []
  /// The first hybrid of each explained row's run of hybrids, with the row's index.
  var rowRuns: [(firstHybrid: Int, row: Int)] = []
  /// Scratch: the open-addressing table of one background row (keys, then indexes).
  var tableKeys: [UInt64] = []
  var tableSlots: [Int32] = []
  var margins: [Double] = []

  init(scorer: CoalitionScorer, width: Int) {
    self.scorer = scorer
    self.width = width
    deduplicates = width <= 64
  }

  /// Adds requests `range`, all of one explained row, writing their distinct hybrids.
  mutating func add(requests: CoalitionRequests, range: Range<Int>, matrix: FeatureMatrix) {
    let backgroundRows = scorer.background.rowCount
    let row = Int(requests.rows[range.lowerBound])
    rowRuns.append((rowCount, row))
    let firstPair = hybridOfPair.count
    hybridOfPair.append(contentsOf: repeatElement(-1, count: range.count * backgroundRows))
    requestIndexes.append(contentsOf: range)
    hybrids.reserveCapacity(CoalitionScorer.blockRowLimit * width)
    let reference = scorer.background.matrix.values
    let x = Array(matrix.values[(row * width)..<((row + 1) * width)])
    // The features each request takes from x, as bits.
    var requestMasks = [UInt64](repeating: 0, count: range.count)
    if deduplicates {
      for (slot, request) in range.enumerated() {
        var mask: UInt64 = 0
        for index in requests.featureStart[request]..<requests.featureStart[request + 1] {
          mask |= 1 << UInt64(requests.features[index])
        }
        requestMasks[slot] = mask
      }
    }
    for b in 0..<backgroundRows {
      let rowStart = b * width
      var differing: UInt64 = 0
      if deduplicates {
        for feature in 0..<width {
          let value = x[feature]
          let other = reference[rowStart + feature]
          if !(value == other || (value.isNaN && other.isNaN)) { differing |= 1 << UInt64(feature) }
        }
      }
      let capacity = tableCapacity(requests: range.count, differing: differing)
      if deduplicates { resetTable(capacity: capacity) }
      for (slot, request) in range.enumerated() {
        let pair = firstPair + slot * backgroundRows + b
        if deduplicates {
          let key = requestMasks[slot] & differing
          let (position, found) = lookup(key, capacity: capacity)
          if found {
            hybridOfPair[pair] = tableSlots[position]
            continue
          }
          tableKeys[position] = key
          tableSlots[position] = Int32(rowCount)
          appendHybrid(background: reference, row: b, x: x, mask: key)
        } else {
          appendHybrid(
            background: reference, row: b, x: x,
            features: requests.features[
              requests.featureStart[request]..<requests.featureStart[request + 1]])
        }
        hybridOfPair[pair] = Int32(rowCount - 1)
      }
    }
  }

  /// A power of two at least twice the number of distinct keys possible.
  private func tableCapacity(requests: Int, differing: UInt64) -> Int {
    let bits = differing.nonzeroBitCount
    let distinct = bits >= 40 ? requests : min(requests, 1 << bits)
    var capacity = 8
    while capacity < 2 * distinct { capacity <<= 1 }
    return capacity
  }

  private mutating func resetTable(capacity: Int) {
    if tableSlots.count < capacity {
      tableSlots = [Int32](repeating: -1, count: capacity)
      tableKeys = [UInt64](repeating: 0, count: capacity)
    } else {
      for index in 0..<capacity { tableSlots[index] = -1 }
    }
  }

  /// The slot of `key` and whether it is present (linear probing).
  private func lookup(_ key: UInt64, capacity: Int) -> (Int, Bool) {
    let shift = UInt64(64 - capacity.trailingZeroBitCount)
    var position = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while true {
      if tableSlots[position] < 0 { return (position, false) }
      if tableKeys[position] == key { return (position, true) }
      position = (position + 1) & (capacity - 1)
    }
  }

  /// Appends background row `row` with `x`'s values on the bits of `mask`.
  private mutating func appendHybrid(background: [Double], row: Int, x: [Double], mask: UInt64) {
    let start = hybrids.count
    hybrids.append(contentsOf: background[(row * width)..<((row + 1) * width)])
    var bits = mask
    while bits != 0 {
      let feature = bits.trailingZeroBitCount
      hybrids[start + feature] = x[feature]
      bits &= bits - 1
    }
    rowCount += 1
  }

  /// Appends background row `row` with `x`'s values on `features`.
  private mutating func appendHybrid(
    background: [Double], row: Int, x: [Double], features: ArraySlice<Int32>
  ) {
    let start = hybrids.count
    hybrids.append(contentsOf: background[(row * width)..<((row + 1) * width)])
    for feature in features { hybrids[start + Int(feature)] = x[Int(feature)] }
    rowCount += 1
  }

  /// Scores the pending hybrids and writes the values of the pending requests.
  mutating func flush(into result: inout [Double]) throws {
    guard !requestIndexes.isEmpty else { return }
    try scorer.model.scoreMargins(
      RowBatch(values: hybrids[...], featureCount: width), into: &margins)
    if let rowResponse = scorer.rowResponse {
      for (run, entry) in rowRuns.enumerated() {
        let end = run + 1 < rowRuns.count ? rowRuns[run + 1].firstHybrid : margins.count
        for index in entry.firstHybrid..<end {
          margins[index] = rowResponse(entry.row, margins[index])
        }
      }
    } else {
      let transform = scorer.response
      for index in margins.indices { margins[index] = transform.apply(margins[index]) }
    }
    let backgroundRows = scorer.background.rowCount
    let weights = scorer.background.weights
    for (slot, request) in requestIndexes.enumerated() {
      var sum = 0.0
      let first = slot * backgroundRows
      for b in 0..<backgroundRows {
        sum += weights[b] * margins[Int(hybridOfPair[first + b])]
      }
      result[request] = sum
    }
    hybrids.removeAll(keepingCapacity: true)
    requestIndexes.removeAll(keepingCapacity: true)
    hybridOfPair.removeAll(keepingCapacity: true)
    rowRuns.removeAll(keepingCapacity: true)
    rowCount = 0
  }
}
