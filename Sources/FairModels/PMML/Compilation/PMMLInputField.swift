public import FairTabular

/// An active field of a PMML model's top-level `MiningSchema`: one ``ModelFeature`` plus the
/// rules that prepare its values.
public struct PMMLInputField: Sendable, Hashable {
  /// The field name, matched against data column names.
  public var name: String
  /// `DataField@dataType`.
  public var dataType: PMMLDataType
  /// The operational type (`MiningField@optype`, else `DataField@optype`).
  public var opType: PMMLOpType
  /// For categorical fields, the feature's levels; empty for numeric fields.
  ///
  /// The levels are the `DataField`'s `Value`s in document order, then any category the
  /// model tests that the `DataField` does not list (when it lists none, these are all the
  /// levels).
  public var levels: [String]
  /// The values the `DataField` declares valid; empty when it declares none (then every
  /// value is valid).
  public var declaredValidValues: [String]
  /// `MiningField@invalidValueTreatment`.
  public var invalidValueTreatment: PMMLInvalidValueTreatment
  /// `MiningField@missingValueReplacement`, if any.
  public var missingValueReplacement: String?
  /// How a data file's column should be read for this field: categorical for string and
  /// boolean fields, so that labels match exactly (`"01"` stays `"01"`); numeric for
  /// numbers, including integer-coded categories, whose levels then match by value
  /// (`1` and `1.0` are the same category, as PMML compares them).
  public var preferredColumnType: ColumnType
}
