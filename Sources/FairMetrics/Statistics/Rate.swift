/// A ratio of weighted counts, such as a selection rate, with the zero-denominator rule.
///
/// Every rate in FairMetrics follows one rule: a rate whose denominator is zero (an empty
/// group, a group with no positive labels, …) is **not computable**. Its ``value`` is NaN and
/// ``isComputable`` is `false`; it is reported as "not computable", never as 0 or 1, and
/// nothing traps. The same holds for a denominator that is negative or not finite, and for a
/// numerator that is not finite. Statistics built from rates (impact ratios, tests,
/// intervals) propagate the rule: they are NaN when an input rate is not computable.
///
/// ```
/// value = numerator / denominator     when denominator > 0
///       = NaN (not computable)        otherwise
/// ```
///
/// Counts are `Double` so that weighted and probabilistic membership work; unweighted counts
/// are whole numbers. Throughout FairMetrics, rows whose weight is zero, negative, NaN or
/// infinite are left out of every statistic.
public struct Rate: Sendable, Hashable, Codable {
  /// The weighted count of the event (selected, favourable, positive, …).
  public var numerator: Double
  /// The weighted size of the group the rate is taken over.
  public var denominator: Double

  /// Creates a rate from its two counts.
  ///
  /// - Parameters:
  ///   - numerator: The weighted count of the event.
  ///   - denominator: The weighted size of the group.
  public init(numerator: Double, denominator: Double) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Whether the rate has a value: the denominator is positive and finite and the numerator
  /// is finite.
  public var isComputable: Bool {
    denominator > 0 && denominator.isFinite && numerator.isFinite
  }

  /// `numerator / denominator`, or NaN when the rate is not computable.
  public var value: Double {
    isComputable ? numerator / denominator : .nan
  }

  /// This rate over `other`, rounded once.
  ///
  /// `(a·d) / (b·c)` for `a/b` over `c/d`, so that a ratio of whole counts is the double
  /// nearest its exact value. (40/60 over 50/60 is 0.8;
  /// dividing the two rounded rates gives 0.7999999999999999, below the four-fifths rule's
  /// 0.8.) NaN when either rate is not computable; over a zero rate, infinity or NaN, as
  /// dividing the rates gives.
  public func ratio(to other: Rate) -> Double {
    guard isComputable && other.isComputable else { return .nan }
    return (numerator * other.denominator) / (denominator * other.numerator)
  }
}
