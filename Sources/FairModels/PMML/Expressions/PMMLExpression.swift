/// A compiled PMML expression: the body of a `DerivedField`, or an argument of a model
/// element, with every field reference resolved to a slot of the row context.
///
/// Values follow ``PMMLValueKind``: numbers, symbol identifiers, NaN for missing. Constants
/// and slot references are stored inline, so reading them costs no reference counting.
enum PMMLExpression: Sendable {
  /// A constant number or symbol identifier.
  case constant(Double)
  /// The value of a slot (a prepared input, a derived field, an output of an earlier
  /// segment).
  case slot(Int)
  /// A conversion between representations.
  indirect case cast(PMMLExpression, PMMLCast)
  /// A table lookup; values not in the table give `unknown`, or fail the row when `unknown`
  /// is NaN and the value is not missing.
  indirect case lookup(PMMLExpression, table: [Double: Double], unknown: Double, failure: String)
  /// A built-in or inlined function.
  case apply(PMMLApply)
  /// `NormContinuous`: piecewise-linear normalisation.
  indirect case normContinuous(PMMLExpression, PMMLNormContinuous)
  /// `NormDiscrete`: 1 when the value equals `value`, else 0.
  indirect case normDiscrete(PMMLExpression, value: Double, mapMissingTo: Double?)
  /// `Discretize`: the bin value of the first interval holding the value.
  indirect case discretize(PMMLExpression, PMMLDiscretize)
  /// `MapValues`: a lookup in an inline table.
  indirect case mapValues(PMMLMapValues)
  /// The missing-value and outlier treatment of a nested model's `MiningField`.
  indirect case treatment(PMMLExpression, PMMLValueTreatment)
}
