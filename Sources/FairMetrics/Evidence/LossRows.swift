public import FairTabular

/// The per-row loss and decision cost of an audit with a ``LossDeclaration``.
///
/// **Direction.** A loss reads `y`, `p` and `m` in the score's own direction: `p` is the
/// probability the model (or the score column) gives, `m` its margin, and `y` is 1 when the
/// true outcome is the one `p` predicts. With a decision rule whose favourable side is
/// `above`, that is the favourable outcome; with `below` (a probability of default), the
/// unfavourable one. A model trained with a custom objective is audited on the loss it was
/// trained for, in the terms it was trained in. Costs are in the evidence's favourable terms
/// (``CostMatrix``).
public struct LossRows: Sendable, Equatable {
  /// The declared loss, if any.
  public var loss: LossFunction?
  /// Each row's loss, when a loss is declared.
  public var losses: [Double]?
  /// The declared cost matrix, if any.
  public var costMatrix: CostMatrix?
  /// Each row's decision cost, when a cost matrix is declared.
  public var costs: [Double]?
  /// Each row's `y`, 1 when the true outcome is the one the score predicts.
  public var labels: [Double]

  /// Creates the rows.
  public init(
    loss: LossFunction?, losses: [Double]?, costMatrix: CostMatrix?, costs: [Double]?,
    labels: [Double]
  ) {
    self.loss = loss
    self.losses = losses
    self.costMatrix = costMatrix
    self.costs = costs
    self.labels = labels
  }

  /// Computes every row's loss and cost.
  ///
  /// - Parameters:
  ///   - declaration: The declared loss and cost matrix.
  ///   - rows: Decisions and true outcomes (needed) in favourable terms.
  ///   - probabilities: `p` per row in the score's own direction, when the scores are
  ///     probabilities.
  ///   - margins: `m` per row, when known.
  ///   - positiveIsFavourable: Whether the score predicts the favourable outcome.
  ///   - dataset: The data, for the cost matrix's column.
  ///   - file: The data file, for messages.
  /// - Throws: ``MetricsError`` when the data has no true outcomes, the loss reads an input
  ///   the audit does not have, a row's loss is not a number (naming the row and its inputs),
  ///   or the cost matrix's column is missing.
  /// - Complexity: O(*n*) for *n* rows.
  public static func compute(
    _ declaration: LossDeclaration, rows: EvidenceRows, probabilities: [Double]?,
    margins: [Double]?, positiveIsFavourable: Bool, dataset: Dataset, file: String
  ) throws -> LossRows {
    guard let outcomes = rows.outcomes else {
      throw MetricsError(
        message: "a declared loss or cost matrix needs true outcomes; declare the label column",
        file: file)
    }
    let labels = outcomes.map { $0 == positiveIsFavourable ? 1.0 : 0.0 }
    var losses: [Double]?
    if let loss = declaration.loss {
      let inputs = loss.inputs
      if inputs.contains(.probability), probabilities == nil {
        throw MetricsError(
          subject: "loss '\(loss.name)'",
          message: "reads the probability p, but the scores are not probabilities "
            + "(decide in probability space, or use a loss of the margin m)",
          file: file)
      }
      if inputs.contains(.margin), margins == nil {
        throw MetricsError(
          subject: "loss '\(loss.name)'",
          message: "reads the margin m, but the audit has no margins (no model and no score)",
          file: file)
      }
      let values = loss.evaluate(
        y: labels, p: inputs.contains(.probability) ? probabilities ?? [] : [],
        m: inputs.contains(.margin) ? margins ?? [] : [])
      if let row = values.firstIndex(where: { !$0.isFinite }) {
        var given = ["y = \(labels[row])"]
        if inputs.contains(.probability), let p = probabilities?[row] { given.append("p = \(p)") }
        if inputs.contains(.margin), let m = margins?[row] { given.append("m = \(m)") }
        throw MetricsError(
          subject: "loss '\(loss.description)'",
          message: "is \(values[row]) for data row \(row) (0-based; "
            + given.joined(separator: ", ") + "); a loss must be a finite number for every row",
          file: file)
      }
      losses = values
    }
    var costs: [Double]?
    if let matrix = declaration.costs {
      costs = try rowCosts(matrix, rows: rows, outcomes: outcomes, dataset: dataset, file: file)
    }
    return LossRows(
      loss: declaration.loss, losses: losses, costMatrix: declaration.costs, costs: costs,
      labels: labels)
  }

  /// Each row's cost under `matrix`.
  private static func rowCosts(
    _ matrix: CostMatrix, rows: EvidenceRows, outcomes: [Bool], dataset: Dataset, file: String
  ) throws -> [Double] {
    var perRow = [CostMatrix.Costs](repeating: matrix.costs, count: rows.rowCount)
    if let name = matrix.column, !matrix.overrides.isEmpty {
      let (column, reference) = try dataset.requireColumn(
        named: name, role: "the cost matrix's column", file: file)
      switch column {
      case .categorical(let labels):
        let levelCosts = labels.levels.map { matrix.overrides[$0] }
        for (row, code) in labels.codes.enumerated() where code != CategoricalColumn.missingCode {
          if let costs = levelCosts[Int(code)] { perRow[row] = costs }
        }
        let unknown = matrix.overrides.keys.filter { !labels.levels.contains($0) }.sorted()
        if let first = unknown.first {
          throw DataError(
            .invalidOption, file: file, column: reference,
            message: "the cost matrix names the value '\(first)', which the column never holds")
        }
      case .numeric(let numbers):
        var numericOverrides: [Double: CostMatrix.Costs] = [:]
        for (text, costs) in matrix.overrides {
          guard let value = Double(text) else {
            throw DataError(
              .expectedNumber, file: file, column: reference,
              message: "the cost matrix names the value '\(text)', but the column holds numbers")
          }
          numericOverrides[value] = costs
        }
        for (row, value) in numbers.values.enumerated() {
          if let costs = numericOverrides[value] { perRow[row] = costs }
        }
      }
    }
    return (0..<rows.rowCount).map {
      perRow[$0].cost(decision: rows.decisions[$0], outcome: outcomes[$0])
    }
  }
}
