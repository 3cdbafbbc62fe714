/// The fields visible inside one model element (or one segmentation), while compiling.
///
/// Names resolve, in order, to: a name already bound here; a `DerivedField` of this model's
/// `LocalTransformations`; a field of this model's `MiningSchema`, taken from the enclosing
/// scope and given this model's missing-value and outlier treatment; a `DerivedField` of
/// the `TransformationDictionary`; otherwise the enclosing scope's binding.
final class PMMLScope {
  /// The enclosing scope; `nil` for the top-level model.
  let parent: PMMLScope?
  /// A number that tells scopes apart in cycle detection.
  let identifier: Int
  /// The `LocalTransformations` derived fields, by name.
  var localDerived: [String: PMMLElement] = [:]
  /// The `MiningSchema` fields, by name (nested models only).
  var miningFields: [String: PMMLElement] = [:]
  /// Names resolved so far.
  var bindings: [String: PMMLBinding] = [:]
  /// Output fields of earlier segments that cannot be computed, by name, with the reason.
  var unavailable: [String: String] = [:]
  /// Whether a `MiningField` of this scope changes an input's values, so that global
  /// derived fields must be computed again inside it.
  var changesInputs = false

  init(parent: PMMLScope?, identifier: Int) {
    self.parent = parent
    self.identifier = identifier
  }
}
