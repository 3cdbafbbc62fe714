/// A compiled loss expression: postfix instructions, evaluated over blocks of rows.
///
/// Each instruction runs over a block of up to ``blockSize`` rows before the next starts, so
/// dispatch costs once per block, not once per row, and each inner loop is a plain loop over
/// contiguous `Double`s. A single row runs the same code with a block of one, so the two forms
/// give identical bits.
struct LossProgram: Hashable, Sendable {
  /// The instructions, in postfix order; they leave exactly one value on the stack.
  var instructions: [LossInstruction]
  /// The greatest height the stack reaches.
  var stackDepth: Int

  /// Rows per block when evaluating arrays.
  static let blockSize = 256

  /// Creates a program and measures its stack depth.
  init(instructions: [LossInstruction]) {
    self.instructions = instructions
    var height = 0
    var deepest = 0
    for instruction in instructions {
      height += instruction.stackEffect
      deepest = max(deepest, height)
    }
    self.stackDepth = max(deepest, 1)
  }

  /// Evaluates rows `0..<output.count`; an input the program does not read may be empty.
  func run(
    label: UnsafeBufferPointer<Double>, probability: UnsafeBufferPointer<Double>,
    margin: UnsafeBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>
  ) {
    let rows = output.count
    guard rows > 0 else { return }
    let block = min(Self.blockSize, rows)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: stackDepth * block) { stack in
      guard let base = stack.baseAddress else { return }
      var start = 0
      while start < rows {
        let count = min(block, rows - start)
        runBlock(
          start: start, count: count, stride: block, stack: base,
          inputs: (label, probability, margin))
        guard let destination = output.baseAddress else { return }
        (destination + start).update(from: base, count: count)
        start += count
      }
    }
  }

  /// Runs every instruction over rows `start..<start + count`, leaving the result in slot 0.
  ///
  /// Slot `k` of the stack is `stack + k * stride`.
  private func runBlock(
    start: Int, count: Int, stride: Int, stack: UnsafeMutablePointer<Double>,
    inputs: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>)
  ) {
    var top = -1
    for instruction in instructions {
      switch instruction {
      case .constant(let value):
        top += 1
        (stack + top * stride).update(repeating: value, count: count)
      case .input(let input):
        top += 1
        let source: UnsafeBufferPointer<Double>
        switch input {
        case .label: source = inputs.0
        case .probability: source = inputs.1
        case .margin: source = inputs.2
        }
        guard let from = source.baseAddress else { continue }
        (stack + top * stride).update(from: from + start, count: count)
      case .unary(let operation):
        Self.apply(operation, to: stack + top * stride, count: count)
      case .binary(let operation):
        top -= 1
        Self.apply(operation, stack + top * stride, stack + (top + 1) * stride, count: count)
      case .clip:
        top -= 2
        let x = stack + top * stride
        let low = x + stride
        let high = low + stride
        for i in 0..<count { x[i] = LossTernary.clip(x[i], low[i], high[i]) }
      case .select:
        top -= 2
        let condition = stack + top * stride
        let a = condition + stride
        let b = a + stride
        for i in 0..<count { condition[i] = LossTernary.select(condition[i], a[i], b[i]) }
      }
    }
  }

  /// Applies a unary operation in place; the `switch` sits outside the loops.
  private static func apply(
    _ operation: LossUnaryOperation, to x: UnsafeMutablePointer<Double>, count: Int
  ) {
    switch operation {
    case .negate: for i in 0..<count { x[i] = -x[i] }
    case .abs: for i in 0..<count { x[i] = Swift.abs(x[i]) }
    case .sqrt: for i in 0..<count { x[i] = x[i].squareRoot() }
    case .log, .exp: for i in 0..<count { x[i] = operation.apply(x[i]) }
    }
  }

  /// Replaces `a` by `a op b` elementwise; the common arithmetic has its own loops.
  private static func apply(
    _ operation: LossBinaryOperation, _ a: UnsafeMutablePointer<Double>,
    _ b: UnsafeMutablePointer<Double>, count: Int
  ) {
    switch operation {
    case .add: for i in 0..<count { a[i] += b[i] }
    case .subtract: for i in 0..<count { a[i] -= b[i] }
    case .multiply: for i in 0..<count { a[i] *= b[i] }
    case .divide: for i in 0..<count { a[i] /= b[i] }
    default: for i in 0..<count { a[i] = operation.apply(a[i], b[i]) }
    }
  }
}
