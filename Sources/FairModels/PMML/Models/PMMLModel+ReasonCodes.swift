extension PMMLModel {
  /// Where reason-code points are measured from.
  public enum ReasonCodeBaseline: Sendable, Hashable {
    /// The document's own rules: each characteristic's `baselineScore` (else the
    /// scorecard's) and the scorecard's `reasonCodeAlgorithm`.
    case declared
    /// The best attainable partial score of each characteristic, counted `pointsBelow`:
    /// "how far below the best attribute the applicant fell" — the usual adverse-action
    /// rule, and the one to use for scorecards exported with `useReasonCodes="false"`
    /// (such as sklearn2pmml's OptBinning scorecards).
    case maximumPartialScore
  }

  /// The reason codes of each row of a scorecard, most important first.
  ///
  /// For each characteristic, the matching attribute's reason code (else the
  /// characteristic's, else the characteristic's name) earns
  /// `baseline − partialScore` points (`pointsBelow`) or `partialScore − baseline`
  /// (`pointsAbove`); points of the same code add up. Codes are ranked by total points,
  /// highest first, ties in order of first appearance, and codes with negative totals are
  /// dropped — jpmml-evaluator's rules, so rank *k* is its `reasonCode` output of rank *k*.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - baseline: Where points are measured from.
  /// - Returns: One ranked list per row; empty for a row the model cannot score (see
  ///   ``rowIssues(_:)``).
  /// - Throws: `ModelError` of kind `unsupported` when the model is not a `Scorecard`, or
  ///   when `baseline` is ``ReasonCodeBaseline/declared`` and a characteristic has no
  ///   baseline, or ``ReasonCodeBaseline/maximumPartialScore`` and every attribute of a
  ///   characteristic computes its score with an expression.
  /// - Complexity: O(*n*·*a*) for *n* rows and *a* attributes.
  public func reasonCodes(for batch: RowBatch, baseline: ReasonCodeBaseline = .declared) throws
    -> [[String]]
  {
    try reasonCodePoints(for: batch, baseline: baseline).map { $0.map(\.code) }
  }

  /// The reason codes of each row of a scorecard with the points behind each, most important
  /// first.
  ///
  /// The codes and their order are those of ``reasonCodes(for:baseline:)``; `points` is the
  /// code's total of `baseline − partialScore` (`pointsBelow`) or `partialScore − baseline`
  /// (`pointsAbove`) over its characteristics.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - baseline: Where points are measured from.
  /// - Returns: One ranked list per row; empty for a row the model cannot score.
  /// - Throws: As ``reasonCodes(for:baseline:)``.
  /// - Complexity: O(*n*·*a*) for *n* rows and *a* attributes.
  public func reasonCodePoints(
    for batch: RowBatch, baseline: ReasonCodeBaseline = .declared
  ) throws -> [[(code: String, points: Double)]] {
    guard case .scorecard(let body) = program.root.body else {
      throw ModelError(
        .unsupported, file: file,
        message: "reason codes need a Scorecard model; this model is a \(modelElement)")
    }
    let card = body.description
    var baselines: [Double] = []
    var isBelow = true
    for (index, characteristic) in card.characteristics.enumerated() {
      let name = characteristic.name ?? "characteristic \(index + 1)"
      switch baseline {
      case .declared:
        guard let value = characteristic.baselineScore ?? card.baselineScore else {
          throw ModelError(
            .unsupported, file: file,
            message: "characteristic '\(name)' declares no baselineScore; use the "
              + "maximum-partial-score baseline")
        }
        baselines.append(value)
        isBelow = card.reasonCodeAlgorithm == .pointsBelow
      case .maximumPartialScore:
        guard let value = characteristic.maximumPartialScore else {
          throw ModelError(
            .unsupported, file: file,
            message: "characteristic '\(name)' has no attribute with a constant partial score")
        }
        baselines.append(value)
      }
    }
    var result: [[(code: String, points: Double)]] = []
    result.reserveCapacity(batch.rowCount)
    var context = PMMLRowContext(program: program, batch: batch)
    for row in 0..<batch.rowCount {
      context.begin(row: row)
      guard let chosen = context.scorecardAttributes(body), context.failure == nil else {
        result.append([])
        continue
      }
      var order: [String] = []
      var totals: [String: Double] = [:]
      for (index, attribute) in chosen.enumerated() {
        let characteristic = card.characteristics[index]
        let code =
          characteristic.attributes[attribute.index].reasonCode ?? characteristic.reasonCode
          ?? characteristic.name ?? "characteristic \(index + 1)"
        let points =
          isBelow ? baselines[index] - attribute.score : attribute.score - baselines[index]
        if totals[code] == nil { order.append(code) }
        totals[code, default: 0] += points
      }
      let ranked = order.enumerated()
        .filter { (totals[$0.element] ?? 0) >= 0 }
        .sorted {
          let (left, right) = (totals[$0.element] ?? 0, totals[$1.element] ?? 0)
          return left > right || (left == right && $0.offset < $1.offset)
        }
        .map { (code: $0.element, points: totals[$0.element] ?? 0) }
      result.append(ranked)
    }
    return result
  }
}
