/// One instruction of a compiled loss expression, for a stack machine.
enum LossInstruction: Hashable, Sendable {
  /// Pushes a constant.
  case constant(Double)
  /// Pushes an input: `y`, `p` or `m`.
  case input(LossInput)
  /// Replaces the top value by a function of it.
  case unary(LossUnaryOperation)
  /// Pops `b`, then replaces `a` by `a op b`.
  case binary(LossBinaryOperation)
  /// Pops `hi` and `lo`, then replaces `x` by `clip(x, lo, hi)`.
  case clip
  /// Pops `b` and `a`, then replaces the condition by `if(condition, a, b)`.
  case select

  /// How the instruction changes the height of the stack.
  var stackEffect: Int {
    switch self {
    case .constant, .input: return 1
    case .unary: return 0
    case .binary: return -1
    case .clip, .select: return -2
    }
  }
}

/// One of the three per-row inputs of a loss.
enum LossInput: Hashable, Sendable {
  case label
  case probability
  case margin
}
