/// The structure of a PMML `Scorecard`, for reports and adverse-action reason codes.
///
/// The score of a row is
///
/// ```
/// score = initialScore + Σ_characteristics partialScore(first attribute whose predicate is true)
/// ```
///
/// then `Targets` rescaling. A characteristic with no true attribute leaves the row without
/// a score.
public struct PMMLScorecard: Sendable, Hashable {
  /// How reason-code points are counted.
  public enum ReasonCodeAlgorithm: String, Sendable, Hashable, Codable {
    /// `baseline − partial score`: points lost relative to the baseline.
    case pointsBelow
    /// `partial score − baseline`.
    case pointsAbove
  }

  /// One `Attribute` of a characteristic.
  public struct Attribute: Sendable, Hashable {
    /// The partial score; `nil` when a `ComplexPartialScore` expression computes it.
    public var partialScore: Double?
    /// The attribute's own reason code, if any.
    public var reasonCode: String?
    /// The element path of the attribute, naming it in reports.
    public var place: String
  }

  /// One `Characteristic`.
  public struct Characteristic: Sendable, Hashable {
    /// The name, if any.
    public var name: String?
    /// The characteristic's reason code, used by attributes without their own.
    public var reasonCode: String?
    /// The characteristic's baseline score, if declared.
    public var baselineScore: Double?
    /// The attributes, in evaluation order.
    public var attributes: [Attribute]
    /// The indexes (into ``PMMLModel/features``) of the features the attributes' predicates
    /// read.
    public var featureIndices: [Int]

    /// The largest partial score of the attributes with a constant partial score.
    public var maximumPartialScore: Double? {
      attributes.compactMap(\.partialScore).max()
    }
  }

  /// `Scorecard@initialScore`.
  public var initialScore: Double
  /// `Scorecard@useReasonCodes`.
  public var usesReasonCodes: Bool
  /// `Scorecard@reasonCodeAlgorithm`.
  public var reasonCodeAlgorithm: ReasonCodeAlgorithm
  /// `Scorecard@baselineScore`, the baseline of characteristics that declare none.
  public var baselineScore: Double?
  /// The characteristics, in document order.
  public var characteristics: [Characteristic]
}

extension PMMLScorecard {
  /// The features behind each reason code: the union of the ``Characteristic/featureIndices``
  /// of every characteristic that can emit the code (through an attribute's own code, the
  /// characteristic's code, or its name when it has neither).
  ///
  /// - Returns: Indexes into ``PMMLModel/features``, sorted, per code.
  public var reasonCodeFeatureIndices: [String: [Int]] {
    var result: [String: Set<Int>] = [:]
    for (index, characteristic) in characteristics.enumerated() {
      let fallback =
        characteristic.reasonCode ?? characteristic.name ?? "characteristic \(index + 1)"
      for attribute in characteristic.attributes {
        result[attribute.reasonCode ?? fallback, default: []].formUnion(
          characteristic.featureIndices)
      }
    }
    return result.mapValues { $0.sorted() }
  }
}
