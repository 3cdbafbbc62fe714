/// A compiled `MiningModel` with its `Segmentation`.
struct PMMLMiningBody: Sendable {
  /// `Segmentation@multipleModelMethod` (those FairGate evaluates).
  enum Method: String, Sendable {
    case sum, weightedSum, average, weightedAverage, median, weightedMedian, max
    case majorityVote, weightedMajorityVote, selectFirst, modelChain
  }

  /// `Segmentation@missingPredictionTreatment`.
  enum MissingPredictionTreatment: String, Sendable {
    case `continue`, returnMissing, skipSegment
  }

  /// One `Segment`.
  struct Segment: Sendable {
    /// The segment's predicate.
    var predicate: PMMLPredicate
    /// `Segment@weight`.
    var weight: Double
    /// The segment's model.
    var model: PMMLSubmodel
  }

  /// How segment results combine.
  var method: Method
  /// What a segment without a result does.
  var missingPredictionTreatment: MissingPredictionTreatment
  /// The largest tolerated weighted fraction of segments without a result.
  var missingThreshold: Double
  /// The segments, in document order.
  var segments: [Segment]
  /// Slots written by segments of a model chain, cleared before each row.
  var assignedSlots: [Int]
}
