/// The cost of each kind of decision, for the expected cost of a model's errors.
///
/// *Positive* means *favourable*, as everywhere in the evidence: a true positive is a
/// favourable decision for a row whose true outcome is favourable (a loan granted and repaid),
/// a false negative an unfavourable decision for a row whose outcome is favourable (a false
/// denial). A matrix may set other costs for the rows of some values of one data column —
/// for example, a false denial of a thin-file applicant costs more:
///
/// ```swift
/// var matrix = CostMatrix(costs: .init(falsePositive: 5, falseNegative: 1))
/// matrix.column = "thin_file"
/// matrix.overrides = ["yes": .init(falsePositive: 5, falseNegative: 2)]
/// ```
///
/// A row's cost is the entry of its decision and outcome in the costs of its value of
/// ``column`` when ``overrides`` has that value, and in ``costs`` otherwise (missing values
/// included).
public struct CostMatrix: Sendable, Hashable, Codable {
  /// The four costs of one matrix.
  public struct Costs: Sendable, Hashable, Codable {
    /// The cost of a favourable decision for a favourable outcome.
    public var truePositive: Double
    /// The cost of a favourable decision for an unfavourable outcome.
    public var falsePositive: Double
    /// The cost of an unfavourable decision for an unfavourable outcome.
    public var trueNegative: Double
    /// The cost of an unfavourable decision for a favourable outcome.
    public var falseNegative: Double

    /// Creates costs; correct decisions cost nothing unless said otherwise.
    public init(
      truePositive: Double = 0, falsePositive: Double, trueNegative: Double = 0,
      falseNegative: Double
    ) {
      self.truePositive = truePositive
      self.falsePositive = falsePositive
      self.trueNegative = trueNegative
      self.falseNegative = falseNegative
    }

    /// The cost of one decision.
    @inline(__always)
    public func cost(decision: Bool, outcome: Bool) -> Double {
      switch (decision, outcome) {
      case (true, true): truePositive
      case (true, false): falsePositive
      case (false, false): trueNegative
      case (false, true): falseNegative
      }
    }

    /// `TP 0, FP 5, TN 0, FN 1`.
    public var summary: String {
      "TP \(Self.format(truePositive)), FP \(Self.format(falsePositive)), "
        + "TN \(Self.format(trueNegative)), FN \(Self.format(falseNegative))"
    }

    private static func format(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
  }

  /// The costs of every row whose value of ``column`` has no override.
  public var costs: Costs
  /// The data column whose values select other costs, if any.
  public var column: String?
  /// The costs of the rows with each value of ``column``, by the value as the data writes it.
  public var overrides: [String: Costs]

  /// Creates a matrix.
  public init(costs: Costs, column: String? = nil, overrides: [String: Costs] = [:]) {
    self.costs = costs
    self.column = column
    self.overrides = overrides
  }

  /// `TP 0, FP 5, TN 0, FN 1; thin_file = yes: TP 0, FP 5, TN 0, FN 2`.
  public var summary: String {
    var text = costs.summary
    if let column {
      for (value, costs) in overrides.sorted(by: { $0.key < $1.key }) {
        text += "; \(column) = \(value): \(costs.summary)"
      }
    }
    return text
  }
}
