/// Everything a compiled PMML document needs at scoring time: the slots of the row context,
/// the symbols, and the top-level model.
///
/// An immutable final class: one program is shared by every row context and thread, and
/// reading its rules and expressions in place copies nothing.
final class PMMLProgram: Sendable {
  /// The definition of each slot.
  let slots: [PMMLSlot]
  /// The expressions of derived slots.
  let expressions: [PMMLExpression]
  /// The preparation rule of each feature.
  let inputRules: [PMMLInputRule]
  /// The field name of each slot, for messages.
  let slotNames: [String]
  /// The categories the model mentions.
  let symbols: PMMLSymbolTable
  /// The top-level model.
  let root: PMMLSubmodel
  /// The slot of each feature's prepared value.
  let featureSlots: [Int]
  /// The runtime value of the two target categories (negative, positive), as a model
  /// chain's `predictedValue` output passes them on.
  let categoryValues: [Double]

  init(
    slots: [PMMLSlot], expressions: [PMMLExpression], inputRules: [PMMLInputRule],
    slotNames: [String], symbols: PMMLSymbolTable, root: PMMLSubmodel, featureSlots: [Int],
    categoryValues: [Double]
  ) {
    self.slots = slots
    self.expressions = expressions
    self.inputRules = inputRules
    self.slotNames = slotNames
    self.symbols = symbols
    self.root = root
    self.featureSlots = featureSlots
    self.categoryValues = categoryValues
  }
}
