/// The state of evaluating one row: slot values computed so far and the first failure.
///
/// Derived fields are computed lazily and cached for the row, so a field used by a hundred
/// trees is computed once, and a field used by no segment whose predicate holds is never
/// computed (as in jpmml-evaluator).
struct PMMLRowContext {
  /// The compiled document.
  let program: PMMLProgram
  /// The batch's values and the feature count per row.
  private let values: ArraySlice<Double>
  private let stride: Int
  private var rowStart: Int
  private var slotValues: [Double]
  private var stamps: [UInt32]
  private var generation: UInt32 = 0
  /// The first reason the current row cannot be scored.
  var failure: PMMLRowFailure?

  /// Creates a context over the rows of `batch`.
  init(program: PMMLProgram, batch: RowBatch) {
    self.program = program
    self.values = batch.values
    self.stride = batch.featureCount
    self.rowStart = batch.values.startIndex
    self.slotValues = Array(repeating: .nan, count: program.slots.count)
    self.stamps = Array(repeating: 0, count: program.slots.count)
  }

  /// Starts evaluating row `row` of the batch (0-based within the batch).
  ///
  /// Every active field is prepared at once, as jpmml-evaluator prepares all inputs before
  /// evaluating: an invalid value fails the row even where the model would not read it.
  mutating func begin(row: Int) {
    rowStart = values.startIndex + row * stride
    failure = nil
    if generation == UInt32.max {
      generation = 0
      for index in stamps.indices { stamps[index] = 0 }
    }
    generation += 1
    for slot in program.featureSlots { _ = value(ofSlot: slot) }
  }

  /// The raw (unprepared) value of feature `feature` in the current row.
  func rawValue(feature: Int) -> Double {
    values[rowStart + feature]
  }

  /// Records `failure` unless the row already failed.
  mutating func fail(_ kind: PMMLRowIssue.Kind, field: String?, _ message: String) {
    if failure == nil { failure = PMMLRowFailure(kind: kind, field: field, message: message) }
  }

  /// The value of slot `slot` in the current row, computing it on first use.
  mutating func value(ofSlot slot: Int) -> Double {
    if stamps[slot] == generation { return slotValues[slot] }
    let result: Double
    switch program.slots[slot] {
    case .input(let feature, let rule):
      var failure = self.failure
      result = program.inputRules[rule].prepare(rawValue(feature: feature), failure: &failure)
      self.failure = failure
    case .derived(let index):
      stamps[slot] = generation
      slotValues[slot] = .nan
      result = evaluate(program.expressions[index])
    case .assigned:
      result = .nan
    }
    stamps[slot] = generation
    slotValues[slot] = result
    return result
  }

  /// Writes `value` into slot `slot` for the current row.
  mutating func assign(_ value: Double, toSlot slot: Int) {
    stamps[slot] = generation
    slotValues[slot] = value
  }

  /// Clears slot `slot` (makes it missing) for the current row.
  mutating func clear(slot: Int) {
    assign(.nan, toSlot: slot)
  }
}
