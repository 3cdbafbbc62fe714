public import FairAttribution

/// Principal reasons from attributions: the codes that pushed an applicant's score furthest
/// toward the adverse side, relative to the attribution's reference population.
///
/// For row *i* and code *c* with features *F(c)*, the push toward the adverse side is
///
/// ```
/// push(i, c) = s · Σ_{j ∈ F(c)} φ_ij      s = −1 when a high score is favourable, +1 otherwise
/// ```
///
/// A code is a candidate when `push > 0`; codes with zero or favourable attribution are never
/// reasons. Candidates are ranked by push, largest first; equal pushes keep the order of
/// ``ReasonTable/resolved(featureNames:)`` (the model position of each code's first feature).
/// The first `top` candidates are the principal reasons.
public struct ReasonRanking: Sendable {
  /// The codes to rank, in tie-break order.
  public let codes: [ResolvedReasonCode]
  /// How many reasons to give at most.
  public let top: Int
  /// Whether a high score is favourable (so negative attributions push toward denial).
  public let highIsFavourable: Bool

  /// Creates a ranking.
  ///
  /// - Parameters:
  ///   - table: The reason-code table.
  ///   - featureNames: The attribution's features, in order.
  ///   - top: The most reasons per applicant; at least 1.
  ///   - highIsFavourable: Whether a high score is favourable.
  public init(table: ReasonTable, featureNames: [String], top: Int, highIsFavourable: Bool) {
    precondition(top >= 1, "'top' must be at least 1, not \(top)")
    self.codes = table.resolved(featureNames: featureNames)
    self.top = top
    self.highIsFavourable = highIsFavourable
  }

  /// The codes that pushed toward the adverse side, ranked, each with its summed attribution.
  ///
  /// - Parameter attributions: One attribution per feature, in the ranking's feature order.
  /// - Returns: Every candidate, most important first (not cut to ``top``).
  /// - Complexity: O(*m* + *c* log *c*) for *m* features and *c* codes.
  public func candidates(_ attributions: ArraySlice<Double>) -> [PrincipalReason] {
    let sign = highIsFavourable ? -1.0 : 1.0
    let base = attributions.startIndex
    var scored: [(order: Int, push: Double, sum: Double)] = []
    scored.reserveCapacity(codes.count)
    for (order, code) in codes.enumerated() {
      var sum = 0.0
      for index in code.featureIndices { sum += attributions[base + index] }
      let push = sign * sum
      if push > 0 { scored.append((order, push, sum)) }
    }
    scored.sort { $0.push > $1.push || ($0.push == $1.push && $0.order < $1.order) }
    return scored.map { item in
      let reason = codes[item.order].reason
      return PrincipalReason(
        code: reason.code, text: reason.text, attribution: item.sum, features: reason.features)
    }
  }

  /// The principal reasons of the chosen rows.
  ///
  /// - Parameters:
  ///   - attributions: Attributions of the chosen rows, in the order of `rows`.
  ///   - rows: The data row of each attributed row.
  ///   - scores: The decision score of each attributed row.
  ///   - isAdverse: Whether each attributed row's decision was adverse.
  /// - Returns: One entry per attributed row. A row with a favourable decision is ranked the
  ///   same way: its reasons say what held its score back.
  /// - Complexity: O(*n*·(*m* + *c* log *c*)).
  public func reasons(
    _ attributions: Attributions, rows: [Int], scores: [Double], isAdverse: [Bool]
  ) -> [ApplicantReasons] {
    precondition(
      rows.count == attributions.rowCount && scores.count == rows.count
        && isAdverse.count == rows.count,
      "'rows', 'scores' and 'isAdverse' must have one entry per attributed row")
    return rows.indices.map { index in
      let all = candidates(attributions.row(index))
      return ApplicantReasons(
        row: rows[index], score: scores[index], isAdverse: isAdverse[index],
        reasons: Array(all.prefix(top)), candidateCount: all.count)
    }
  }
}
