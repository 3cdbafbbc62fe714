extension LossExpressionError {
  /// The texts of the problems a loss expression can have.
  enum Message {
    /// Nothing but white space.
    static let emptyExpression = "empty expression"
    /// A literal 0 divisor.
    static let divisionByZero = "division by zero"

    /// Text longer than ``LossExpression/maximumLength``.
    static func tooLong(_ count: Int) -> String {
      "expression is \(count) characters long; the limit is \(LossExpression.maximumLength)"
    }

    /// Nesting past ``LossExpression/maximumDepth``.
    static var tooDeep: String {
      "expression nests more than \(LossExpression.maximumDepth) levels deep"
    }

    /// A character no token starts with.
    static func unexpectedCharacter(_ text: String) -> String {
      switch text {
      case "=": return "unexpected character '='; did you mean '=='?"
      case "!": return "unexpected character '!'; did you mean '!='?"
      default: return "unexpected character '\(text)'"
      }
    }

    /// A malformed number literal.
    static func invalidNumber(_ text: String) -> String {
      "invalid number '\(text)'"
    }

    /// A number literal beyond the range of `Double`.
    static func numberOutOfRange(_ text: String) -> String {
      "number '\(text)' is out of range"
    }

    /// A name that is neither an input nor a declared constant.
    static func unknownVariable(_ name: String, suggestion: String?) -> String {
      "unknown variable '\(name)'" + didYouMean(suggestion)
    }

    /// A call of a function that does not exist.
    static func unknownFunction(_ name: String, suggestion: String?) -> String {
      "unknown function '\(name)'" + didYouMean(suggestion)
    }

    /// A function's name used without parentheses.
    static func functionWithoutCall(_ name: String) -> String {
      "'\(name)' is a function; call it as '\(name)(…)'"
    }

    /// A call with the wrong number of arguments.
    static func wrongArity(_ name: String, expected: Int, found: Int) -> String {
      "'\(name)' takes \(expected) argument\(expected == 1 ? "" : "s"), not \(found)"
    }

    /// A `(` with no `)`.
    static let unmatchedLeftParenthesis = "unmatched '('"
    /// A `)` with no `(`.
    static let unmatchedRightParenthesis = "unmatched ')'"

    /// A token where an operand must start.
    static func expectedOperand(after previous: String?, found: String) -> String {
      "expected an operand" + (previous.map { " after '\($0)'" } ?? "") + ", found \(found)"
    }

    /// A token after a complete operand that is not an operator.
    static func expectedOperator(found: String) -> String {
      "expected an operator or the end of the expression, found \(found)"
    }

    /// A token after a parenthesised operand that is neither an operator nor `)`.
    static func expectedClosingParenthesis(found: String) -> String {
      "expected an operator or ')', found \(found)"
    }

    /// A token after a function argument that is neither an operator, `,` nor `)`.
    static func expectedArgumentSeparator(found: String) -> String {
      "expected an operator, ',' or ')', found \(found)"
    }

    /// A divisor that folds to 0.
    static func divisionByZero(divisor: String) -> String {
      "division by zero: '\(divisor)' is always 0"
    }

    /// `log` of a literal or folded constant that is not positive.
    static func logOfNonPositive(_ argument: String, value: Double, isLiteral: Bool) -> String {
      isLiteral
        ? "'log' needs a positive argument, not \(format(value))"
        : "'log' needs a positive argument; '\(argument)' is always \(format(value))"
    }

    /// `sqrt` of a literal or folded constant that is negative.
    static func sqrtOfNegative(_ argument: String, value: Double) -> String {
      "'sqrt' needs a non-negative argument; '\(argument)' is always \(format(value))"
    }

    /// How a found token is named in a message: quoted text, or "end of input".
    static func describe(_ text: String) -> String {
      text.isEmpty ? "end of input" : "'\(text)'"
    }

    private static func didYouMean(_ suggestion: String?) -> String {
      suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// A constant as a user wrote it: whole numbers without a decimal point.
    static func format(_ value: Double) -> String {
      if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int(value)) }
      return String(value)
    }
  }
}
