/// What fills one slot of a row context.
///
/// The payloads are indexes, so that reading a slot's definition while scoring copies no
/// reference-counted storage.
enum PMMLSlot: Sendable, Hashable {
  /// An active field of the top-level model: feature `feature`, prepared by
  /// ``PMMLProgram/inputRules``[`rule`].
  case input(feature: Int, rule: Int)
  /// A derived field, computed on first use in a row: ``PMMLProgram/expressions``[`index`].
  case derived(Int)
  /// A value written by the evaluation itself: an output field of a segment, read by later
  /// segments of a model chain. Missing until written.
  case assigned
}
