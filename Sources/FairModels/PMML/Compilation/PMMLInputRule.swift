/// How one active field's raw value, as a ``FeatureMatrix`` holds it, becomes the value the
/// model reads: the DataDictionary's validity rules plus the MiningField's treatments.
///
/// The steps follow the PMML MiningSchema rules (and jpmml-evaluator's order):
///
/// 1. A missing value (NaN, or a value declared with `property="missing"`) takes
///    `missingValueReplacement` if there is one, fails the row under
///    `missingValueTreatment="returnInvalid"`, and otherwise stays missing.
/// 2. An invalid value (outside the declared valid values or intervals, a fraction in an
///    integer field, a category the model does not list when the field lists valid values)
///    is handled by `invalidValueTreatment`: fail the row (`returnInvalid`, the default),
///    pass it on (`asIs`), treat it as missing (`asMissing`) or replace it (`asValue`).
/// 3. A valid continuous value is clamped or made missing by `outliers`.
struct PMMLInputRule: Sendable {
  /// The validity of one value.
  enum Status: Sendable, Hashable {
    case valid, invalid, missing
  }

  /// The field name.
  var name: String
  /// The runtime representation.
  var kind: PMMLValueKind
  /// The declared data type.
  var dataType: PMMLDataType
  /// Whether the feature is categorical (the raw value is a level index).
  var isCategorical: Bool
  /// For categorical features: the runtime value of each level.
  var levelValues: [Double]
  /// For categorical features: the status of each level.
  var levelStatus: [Status]
  /// For categorical features: the status of a label the model does not list.
  var unseenStatus: Status
  /// For numeric features: values declared missing.
  var missingValues: Set<Double>
  /// For numeric features: values declared invalid.
  var invalidValues: Set<Double>
  /// For numeric features: the declared valid values, empty when none are listed.
  var validValues: Set<Double>
  /// For numeric features: the declared intervals of valid values.
  var intervals: [PMMLInterval]
  /// The replacement of a missing value.
  var missingReplacement: Double?
  /// Whether a missing value fails the row.
  var missingFails: Bool
  /// The treatment of invalid values.
  var invalidTreatment: PMMLInvalidValueTreatment
  /// The replacement under `asValue`.
  var invalidReplacement: Double?
  /// The treatment of outliers.
  var outliers: PMMLOutlierTreatment
  /// The lower outlier bound.
  var low: Double
  /// The upper outlier bound.
  var high: Double
  /// The level texts, for messages.
  var levels: [String]

  /// Prepares `raw`, or records a failure in `failure` and returns NaN.
  func prepare(_ raw: Double, failure: inout PMMLRowFailure?) -> Double {
    var value = raw
    var status = Status.valid
    if raw.isNaN {
      status = .missing
    } else if isCategorical {
      if raw >= 0, raw < Double(levelValues.count), raw == raw.rounded() {
        let level = Int(raw)
        value = levelValues[level]
        status = levelStatus[level]
      } else {
        value = kind == .number ? .nan : PMMLSymbolTable.otherSymbol
        status = unseenStatus
      }
    } else {
      if dataType == .float { value = Double(Float(value)) }
      status = numericStatus(value)
    }
    switch status {
    case .valid:
      return isCategorical ? value : applyOutliers(value)
    case .missing:
      return treatMissing(failure: &failure)
    case .invalid:
      switch invalidTreatment {
      case .returnInvalid:
        if failure == nil {
          failure = PMMLRowFailure(
            kind: .invalidValue, field: name,
            message: "value \(describe(raw)) is invalid and invalidValueTreatment is returnInvalid")
        }
        return .nan
      case .asIs:
        if value.isNaN && kind == .number {
          if failure == nil {
            failure = PMMLRowFailure(
              kind: .invalidValue, field: name,
              message:
                "value \(describe(raw)) is not a \(dataType.rawValue) and cannot be used as is")
          }
          return .nan
        }
        return value
      case .asMissing:
        return treatMissing(failure: &failure)
      case .asValue:
        return invalidReplacement ?? .nan
      }
    }
  }

  private func treatMissing(failure: inout PMMLRowFailure?) -> Double {
    if let missingReplacement { return missingReplacement }
    if missingFails && failure == nil {
      failure = PMMLRowFailure(
        kind: .missingValue, field: name,
        message: "value is missing and missingValueTreatment is returnInvalid")
    }
    return .nan
  }

  private func numericStatus(_ value: Double) -> Status {
    if missingValues.contains(value) { return .missing }
    if invalidValues.contains(value) { return .invalid }
    if dataType == .integer && value != value.rounded() { return .invalid }
    if validValues.isEmpty && intervals.isEmpty { return .valid }
    if validValues.contains(value) { return .valid }
    if intervals.contains(where: { $0.contains(value) }) { return .valid }
    return .invalid
  }

  private func applyOutliers(_ value: Double) -> Double {
    guard kind == .number, !value.isNaN else { return value }
    switch outliers {
    case .asIs:
      return value
    case .asMissingValues:
      return value < low || value > high ? .nan : value
    case .asExtremeValues:
      return Swift.min(Swift.max(value, low), high)
    }
  }

  /// The derivative of the prepared value with respect to a numeric raw value: 1 where the
  /// value passes through (rounding to `Float` included), 0 where it is missing, invalid,
  /// replaced or clamped.
  func slope(_ raw: Double) -> Double {
    guard !isCategorical, kind == .number, !raw.isNaN else { return 0 }
    guard numericStatus(dataType == .float ? Double(Float(raw)) : raw) == .valid else { return 0 }
    if outliers != .asIs && (raw < low || raw > high) { return 0 }
    return 1
  }

  /// The raw value as a person wrote it: the category label, or the number.
  func describe(_ raw: Double) -> String {
    if isCategorical {
      if raw >= 0, raw < Double(levels.count), raw == raw.rounded() {
        return "'\(levels[Int(raw)])'"
      }
      return "(a category the model does not list)"
    }
    return "\(raw)"
  }
}
