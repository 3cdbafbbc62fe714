/// What the environment reports for one metric of one subject.
public enum Measurement: Hashable, Sendable {
  /// The value and its evidence.
  case value(MeasuredValue)
  /// The metric cannot be computed for this subject, for the reason given ("labels absent",
  /// "no model", "the reference slice is empty"); the finding is `insufficient-data`.
  case notComputable(reason: String)
}
