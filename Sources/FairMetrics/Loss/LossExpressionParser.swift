import _FairSupport

/// Parses a loss expression into a ``LossProgram``, folding constant subexpressions.
///
/// A Pratt (precedence-climbing) parser over the tokens of ``LossLexer``. It emits postfix
/// instructions as it goes, so there is no tree to walk afterwards. When every operand of an
/// operation is a constant, their `constant` instructions are the last ones emitted; they are
/// replaced by the folded value. Folding is how `1/0`, `p/(2-2)` and `log(0)` are found before
/// any row is read.
///
/// Binding powers (higher binds tighter): comparisons 10, `+ -` 20, `* /` 30, unary minus
/// 40, `^` 50 and right-associative. So `-x^2` is `-(x^2)`, `2^-1` is `2^(-1)` and `2^3^2` is
/// `2^(3^2)`, as in mathematics and Python.
struct LossExpressionParser {
  /// A parsed subexpression: its value when constant, and the bytes it spans.
  struct Operand {
    var constant: Double?
    var range: Range<Int>
    var isLiteral = false
  }

  let bytes: [UInt8]
  let constants: [String: Double]
  private var tokens: [LossToken]
  private var position = 0
  private var depth = 0
  private(set) var problems: [LossRawProblem]
  private(set) var instructions: [LossInstruction] = []
  private(set) var names: Set<String> = []

  /// Tokenizes `bytes`, keeping the lexer's problems.
  init(bytes: [UInt8], constants: [String: Double]) {
    self.bytes = bytes
    self.constants = constants
    (tokens, problems) = LossLexer(bytes: bytes).tokenize()
  }

  /// Parses the whole text; afterwards `problems` holds every problem found, in text order.
  mutating func parse() {
    if tokens.allSatisfy({ $0.kind == .invalid || $0.kind == .end }) && problems.isEmpty {
      problems.append(LossRawProblem(range: 0..<0, message: Message.emptyExpression))
      return
    }
    do throws(LossRawProblem) {
      _ = try parseExpression(above: 0)
      let next = tokens[position]
      switch next.kind {
      case .end: break
      case .rightParenthesis:
        throw LossRawProblem(range: next.range, message: Message.unmatchedRightParenthesis)
      default:
        throw LossRawProblem(
          range: next.range, message: Message.expectedOperator(found: found(next)))
      }
    } catch {
      problems.append(error)
    }
    // Stable: problems at one place keep the order they were found in.
    problems = problems.enumerated().sorted {
      ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
    }.map(\.element)
  }

  private typealias Message = LossExpressionError.Message

  // MARK: - Expressions

  /// Parses operands joined by operators that bind tighter than `minimum`.
  private mutating func parseExpression(above minimum: Int) throws(LossRawProblem) -> Operand {
    var left = try parsePrefix()
    while true {
      let token = tokens[position]
      if token.kind == .invalid {
        // An unknown character between operands, already reported: read it as an operator.
        position += 1
        guard tokens[position].startsOperand else { return Operand(range: left.range) }
        let right = try parseExpression(above: 30)
        instructions.append(.binary(.add))
        left = Operand(range: left.range.lowerBound..<right.range.upperBound)
        continue
      }
      guard let operation = token.binaryOperation else { return left }
      let (leftPower, rightPower) = Self.bindingPowers(operation)
      guard leftPower > minimum else { return left }
      position += 1
      let right: Operand
      if operation == .power {
        try enter(token)
        right = try parseExpression(above: rightPower)
        depth -= 1
      } else {
        right = try parseExpression(above: rightPower)
      }
      left = combine(operation, left, right)
    }
  }

  /// The binding powers of an infix operator: it takes a left operand when its left power
  /// exceeds the caller's minimum, and parses its right operand above its right power.
  private static func bindingPowers(_ operation: LossBinaryOperation) -> (Int, Int) {
    switch operation {
    case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: return (10, 10)
    case .add, .subtract: return (20, 20)
    case .multiply, .divide: return (30, 30)
    case .power: return (50, 49)
    case .minimum, .maximum: return (0, 0)  // functions, never infix
    }
  }

  /// Parses an operand: a number, a name, a call, a parenthesised expression or a negation.
  private mutating func parsePrefix() throws(LossRawProblem) -> Operand {
    let token = tokens[position]
    switch token.kind {
    case .number(let value):
      position += 1
      instructions.append(.constant(value))
      return Operand(constant: value, range: token.range, isLiteral: true)
    case .invalidNumber:
      position += 1
      instructions.append(.constant(.nan))
      return Operand(range: token.range)
    case .invalid:
      // An unknown character where an operand starts, already reported: skip it.
      position += 1
      guard tokens[position].startsOperand else {
        instructions.append(.constant(.nan))
        return Operand(range: token.range)
      }
      let operand = try parsePrefix()
      return Operand(range: token.range.lowerBound..<operand.range.upperBound)
    case .identifier:
      position += 1
      if tokens[position].kind == .leftParenthesis { return try parseCall(name: token.range) }
      return variable(token.range)
    case .minus:
      position += 1
      try enter(token)
      let operand = try parseExpression(above: 40)
      depth -= 1
      return apply(.negate, to: operand, range: token.range.lowerBound..<operand.range.upperBound)
    case .leftParenthesis:
      position += 1
      try enter(token)
      let inner = try parseExpression(above: 0)
      let close = tokens[position]
      switch close.kind {
      case .rightParenthesis: break
      case .end: throw LossRawProblem(range: token.range, message: Message.unmatchedLeftParenthesis)
      default:
        throw LossRawProblem(
          range: close.range, message: Message.expectedClosingParenthesis(found: found(close)))
      }
      position += 1
      depth -= 1
      return Operand(
        constant: inner.constant, range: token.range.lowerBound..<close.range.upperBound)
    default:
      let previous = position > 0 ? text(tokens[position - 1].range) : nil
      let after = previous.flatMap { tokens[position - 1].binaryOperation != nil ? $0 : nil }
      throw LossRawProblem(
        range: token.range, message: Message.expectedOperand(after: after, found: found(token)))
    }
  }

  /// Parses the arguments of a call whose name spans `nameRange`; the current token is `(`.
  private mutating func parseCall(name nameRange: Range<Int>) throws(LossRawProblem) -> Operand {
    let open = tokens[position]
    position += 1
    try enter(open)
    var arguments: [Operand] = []
    if tokens[position].kind == .rightParenthesis {
      position += 1
    } else {
      argumentLoop: while true {
        arguments.append(try parseExpression(above: 0))
        let next = tokens[position]
        switch next.kind {
        case .comma: position += 1
        case .rightParenthesis:
          position += 1
          break argumentLoop
        case .end:
          throw LossRawProblem(range: open.range, message: Message.unmatchedLeftParenthesis)
        default:
          throw LossRawProblem(
            range: next.range, message: Message.expectedArgumentSeparator(found: found(next)))
        }
      }
    }
    depth -= 1
    let range = nameRange.lowerBound..<tokens[position - 1].range.upperBound
    let name = text(nameRange)
    guard let function = LossExpressionFunction(rawValue: name) else {
      let suggestion = closestMatch(
        to: name, among: LossExpressionFunction.allCases.map(\.rawValue))
      return failed(nameRange, Message.unknownFunction(name, suggestion: suggestion), range: range)
    }
    guard arguments.count == function.arity else {
      let message = Message.wrongArity(name, expected: function.arity, found: arguments.count)
      return failed(range, message, range: range)
    }
    switch function {
    case .log:
      if let value = arguments[0].constant, value <= 0 {
        problems.append(
          LossRawProblem(
            range: arguments[0].range,
            message: Message.logOfNonPositive(
              text(arguments[0].range), value: value, isLiteral: arguments[0].isLiteral)))
      }
      return apply(.log, to: arguments[0], range: range)
    case .sqrt:
      if let value = arguments[0].constant, value < 0 {
        problems.append(
          LossRawProblem(
            range: arguments[0].range,
            message: Message.sqrtOfNegative(text(arguments[0].range), value: value)))
      }
      return apply(.sqrt, to: arguments[0], range: range)
    case .exp: return apply(.exp, to: arguments[0], range: range)
    case .abs: return apply(.abs, to: arguments[0], range: range)
    case .min: return combine(.minimum, arguments[0], arguments[1], range: range)
    case .max: return combine(.maximum, arguments[0], arguments[1], range: range)
    case .clip, .if:
      let values = arguments.compactMap(\.constant)
      if values.count == 3 {
        instructions.removeLast(3)
        let value =
          function == .clip
          ? LossTernary.clip(values[0], values[1], values[2])
          : LossTernary.select(values[0], values[1], values[2])
        instructions.append(.constant(value))
        return Operand(constant: value, range: range)
      }
      instructions.append(function == .clip ? .clip : .select)
      return Operand(range: range)
    }
  }

  /// Resolves a name: an input, then a declared constant.
  private mutating func variable(_ range: Range<Int>) -> Operand {
    let name = text(range)
    let input: LossInput?
    switch name {
    case "y": input = .label
    case "p": input = .probability
    case "m": input = .margin
    default: input = nil
    }
    if let input {
      names.insert(name)
      instructions.append(.input(input))
      return Operand(range: range)
    }
    if let value = constants[name] {
      names.insert(name)
      instructions.append(.constant(value))
      return Operand(constant: value, range: range)
    }
    if LossExpressionFunction(rawValue: name) != nil {
      return failed(range, Message.functionWithoutCall(name), range: range)
    }
    let candidates = ["y", "p", "m"] + constants.keys.sorted()
    let suggestion = closestMatch(to: name, among: candidates)
    return failed(range, Message.unknownVariable(name, suggestion: suggestion), range: range)
  }

  // MARK: - Emitting and folding

  /// Emits (or folds) `a op b`, reporting a divisor that is always 0.
  private mutating func combine(
    _ operation: LossBinaryOperation, _ left: Operand, _ right: Operand,
    range: Range<Int>? = nil
  ) -> Operand {
    let range = range ?? left.range.lowerBound..<right.range.upperBound
    if operation == .divide, right.constant == 0 {
      let message =
        right.isLiteral
        ? Message.divisionByZero : Message.divisionByZero(divisor: text(right.range))
      problems.append(LossRawProblem(range: right.range, message: message))
    }
    if let a = left.constant, let b = right.constant {
      let value = operation.apply(a, b)
      instructions.removeLast(2)
      instructions.append(.constant(value))
      return Operand(constant: value, range: range)
    }
    instructions.append(.binary(operation))
    return Operand(range: range)
  }

  /// Emits (or folds) a function of one operand.
  private mutating func apply(
    _ operation: LossUnaryOperation, to operand: Operand, range: Range<Int>
  ) -> Operand {
    if let a = operand.constant {
      let value = operation.apply(a)
      instructions.removeLast()
      instructions.append(.constant(value))
      return Operand(constant: value, range: range)
    }
    instructions.append(.unary(operation))
    return Operand(range: range)
  }

  /// Records a problem and stands in for the operand with NaN (never folded), so parsing can
  /// go on and find further problems.
  private mutating func failed(
    _ problemRange: Range<Int>, _ message: String, range: Range<Int>
  ) -> Operand {
    problems.append(LossRawProblem(range: problemRange, message: message))
    instructions.append(.constant(.nan))
    return Operand(range: range)
  }

  /// Opens one level of nesting at `token`, refusing the level past the limit.
  private mutating func enter(_ token: LossToken) throws(LossRawProblem) {
    depth += 1
    if depth > LossExpression.maximumDepth {
      throw LossRawProblem(range: token.range, message: Message.tooDeep)
    }
  }

  // MARK: - Text

  private func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  private func found(_ token: LossToken) -> String {
    Message.describe(text(token.range))
  }
}
