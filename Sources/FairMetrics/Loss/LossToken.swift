/// One token of a loss expression, located by byte offsets into its UTF-8 text.
struct LossToken: Sendable {
  /// What a token is.
  enum Kind: Equatable, Sendable {
    /// A valid number literal and its value.
    case number(Double)
    /// A number literal that does not parse; the lexer has reported it.
    case invalidNumber
    /// A character no token starts with; the lexer has reported it.
    case invalid
    case identifier
    case plus
    case minus
    case star
    case slash
    case caret
    case less
    case lessOrEqual
    case greater
    case greaterOrEqual
    case equal
    case notEqual
    case leftParenthesis
    case rightParenthesis
    case comma
    case end
  }

  /// The kind.
  var kind: Kind
  /// The bytes of the token in the expression's UTF-8 text.
  var range: Range<Int>

  /// The binary operation this token stands for between two operands, if any.
  var binaryOperation: LossBinaryOperation? {
    switch kind {
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    case .caret: return .power
    case .less: return .less
    case .lessOrEqual: return .lessOrEqual
    case .greater: return .greater
    case .greaterOrEqual: return .greaterOrEqual
    case .equal: return .equal
    case .notEqual: return .notEqual
    default: return nil
    }
  }

  /// Whether an operand can start with this token.
  var startsOperand: Bool {
    switch kind {
    case .number, .invalidNumber, .identifier, .minus, .leftParenthesis: return true
    default: return false
    }
  }
}

/// A problem found while reading an expression, located by byte offsets; the parser turns
/// it into a ``LossExpressionError/Problem`` with columns.
struct LossRawProblem: Error, Sendable {
  /// The bytes the problem covers (empty at the end of the text).
  var range: Range<Int>
  /// The message.
  var message: String
}
