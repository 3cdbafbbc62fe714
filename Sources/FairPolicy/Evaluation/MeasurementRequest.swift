/// What the rules engine asks its environment for: one metric of one subject.
public struct MeasurementRequest: Hashable, Sendable {
  /// The metric's name, from the ``MetricCatalog``.
  public var metric: String
  /// The subject.
  public var subject: Subject
  /// The significance test the rule asks for (`.none` when it asks for none).
  public var test: SignificanceTest
  /// The confidence level for intervals, `1 - alpha` of the rule.
  public var confidence: Double

  /// Creates a request.
  public init(metric: String, subject: Subject, test: SignificanceTest, confidence: Double) {
    self.metric = metric
    self.subject = subject
    self.test = test
    self.confidence = confidence
  }
}
