extension FindingsDocument {
  /// The declared loss and decision cost per slice of one grouping.
  public struct LossEvidence: Codable, Sendable, Equatable {
    /// The grouping.
    public var grouping: String
    /// The reference slice.
    public var reference: String
    /// The declared loss, as `focal(alpha: 0.25, gamma: 2)`, if any.
    public var loss: String?
    /// The declared cost matrix, summarised, if any.
    public var costs: String?
    /// The slices.
    public var slices: [Slice]

    /// Creates the evidence of one grouping.
    public init(
      grouping: String, reference: String, loss: String?, costs: String?, slices: [Slice]
    ) {
      self.grouping = grouping
      self.reference = reference
      self.loss = loss
      self.costs = costs
      self.slices = slices
    }

    /// One slice's loss and cost.
    public struct Slice: Codable, Sendable, Equatable {
      /// The slice.
      public var slice: String
      /// Its rows.
      public var count: Int
      /// Its share of all rows.
      public var rowShare: Double
      /// The mean loss.
      public var meanLoss: Double?
      /// See ``meanLoss``.
      public var meanLossInterval: Interval?
      /// Its share of the total loss.
      public var lossShare: Double?
      /// ``lossShare`` over ``rowShare``.
      public var lossShareRatio: Double?
      /// The mean loss over the reference's.
      public var lossRatio: Double?
      /// See ``lossRatio``.
      public var lossRatioInterval: Interval?
      /// The mean loss minus the reference's.
      public var lossDifference: Double?
      /// See ``lossDifference``.
      public var lossDifferenceInterval: Interval?
      /// The mean decision cost.
      public var meanCost: Double?
      /// See ``meanCost``.
      public var meanCostInterval: Interval?
      /// Its share of the total cost.
      public var costShare: Double?
      /// ``costShare`` over ``rowShare``.
      public var costShareRatio: Double?
      /// The mean cost over the reference's.
      public var costRatio: Double?
      /// See ``costRatio``.
      public var costRatioInterval: Interval?
      /// The mean cost minus the reference's.
      public var costDifference: Double?
      /// See ``costDifference``.
      public var costDifferenceInterval: Interval?

      /// Creates a slice's row; the figures are set one by one.
      public init(slice: String, count: Int, rowShare: Double) {
        self.slice = slice
        self.count = count
        self.rowShare = rowShare
      }
    }
  }
}
