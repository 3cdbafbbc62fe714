/// What the compiler hands to ``PMMLModel``.
struct PMMLCompiledDocument {
  /// The runtime program.
  var program: PMMLProgram
  /// The preparation rule of each feature.
  var rules: [PMMLInputRule]
  /// The active fields of the top-level model, in feature order.
  var inputs: [PMMLCompiler.TopInput]
  /// The top-level model element.
  var modelElement: PMMLElement
  /// `PMML@version`.
  var version: String
  /// The target categories `[negative, positive]` of a classifier.
  var categories: [String]
  /// The target field.
  var targetField: String?
  /// Every tree, in document order.
  var trees: [PMMLTree]
  /// The features each slot depends on.
  var slotFeatures: [Set<Int>]
  /// The number of further top-level model elements, which are not scored.
  var extraModels: Int
}
