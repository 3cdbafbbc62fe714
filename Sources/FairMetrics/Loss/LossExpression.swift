/// A custom per-row loss, written as an expression over the true outcome, the predicted
/// probability, the margin and named constants.
///
/// ```swift
/// let focal = try LossExpression(
///   "-if(y == 1, alpha * (1 - p)^gamma * log(p), (1 - alpha) * p^gamma * log(1 - p))",
///   constants: ["alpha": 0.25, "gamma": 2])
/// focal.evaluate(y: 1, p: 0.9, m: 2.2)   // 0.000263…
/// ```
///
/// The variables are `y` (the true outcome, 0 or 1), `p` (the predicted probability of the
/// positive class), `m` (the margin) and the constants declared at parse time. The grammar,
/// the functions, the precedence of the operators and every error message are in
/// <doc:LossExpressions>.
///
/// The text is parsed once into a short program for a stack machine, with constant
/// subexpressions folded; evaluating it never parses again. Arithmetic follows IEEE 754, so
/// NaN in an input gives NaN through every operator and function (a comparison with NaN is
/// NaN, and so is `if` on it), with two exceptions: IEEE `pow` gives `x^0 = 1` and `1^x = 1`
/// even for NaN, and the branch of `if` not taken is not seen. `log(0)` on a row gives
/// `-infinity` rather than an error: only problems visible in the text itself, such as
/// `log(0)` written as a constant, are refused.
public struct LossExpression: Hashable, Sendable, CustomStringConvertible {
  /// The longest text accepted, in Unicode scalars.
  public static let maximumLength = 4096
  /// The deepest nesting accepted.
  ///
  /// Each parenthesis, function call, unary minus and right operand of `^` opens one level.
  public static let maximumDepth = 64

  /// The text, as given.
  public let text: String
  /// The named constants declared for it.
  public let constants: [String: Double]
  /// The variables the text reads: any of `y`, `p`, `m` and the declared constants.
  public let variablesUsed: Set<String>
  /// The compiled program.
  let program: LossProgram

  /// Parses an expression.
  ///
  /// - Parameters:
  ///   - text: The expression, such as `-(y*log(p) + (1-y)*log(1-p))`.
  ///   - constants: Named constants the text may use, such as `["gamma": 2]`. Their names
  ///     are identifiers other than `y`, `p`, `m` and the function names; their values are
  ///     finite.
  /// - Throws: ``LossExpressionError`` with every problem found in the text, each with its
  ///   column; ``MetricsError`` when a constant's name or value cannot be used.
  /// - Complexity: O(*n*) for a text of *n* characters.
  public init(_ text: String, constants: [String: Double] = [:]) throws {
    try Self.validate(constants)
    let scalarCount = text.unicodeScalars.count
    guard scalarCount <= Self.maximumLength else {
      throw LossExpressionError(
        text: text,
        problems: [
          LossExpressionError.Problem(
            column: Self.maximumLength + 1, length: scalarCount - Self.maximumLength,
            message: LossExpressionError.Message.tooLong(scalarCount))
        ])
    }
    let bytes = Array(text.utf8)
    var parser = LossExpressionParser(bytes: bytes, constants: constants)
    parser.parse()
    guard parser.problems.isEmpty else {
      throw LossExpressionError(
        text: text,
        problems: parser.problems.map {
          LossExpressionError.Problem(
            column: Self.scalarCount(bytes[..<$0.range.lowerBound]) + 1,
            length: Self.scalarCount(bytes[$0.range]), message: $0.message)
        })
    }
    self.text = text
    self.constants = constants
    self.variablesUsed = parser.names
    self.program = LossProgram(instructions: parser.instructions)
  }

  /// The inputs the text reads.
  public var inputs: LossInputs {
    var inputs: LossInputs = []
    if variablesUsed.contains("y") { inputs.insert(.label) }
    if variablesUsed.contains("p") { inputs.insert(.probability) }
    if variablesUsed.contains("m") { inputs.insert(.margin) }
    return inputs
  }

  /// The text.
  public var description: String { text }

  /// Evaluates the loss of one row.
  ///
  /// - Parameters:
  ///   - y: The true outcome, 0 or 1.
  ///   - p: The predicted probability of the positive class.
  ///   - m: The margin.
  /// - Returns: The loss; NaN when an input it reads is NaN.
  public func evaluate(y: Double, p: Double, m: Double) -> Double {
    var result = 0.0
    withUnsafePointer(to: y) { label in
      withUnsafePointer(to: p) { probability in
        withUnsafePointer(to: m) { margin in
          withUnsafeMutablePointer(to: &result) { output in
            program.run(
              label: UnsafeBufferPointer(start: label, count: 1),
              probability: UnsafeBufferPointer(start: probability, count: 1),
              margin: UnsafeBufferPointer(start: margin, count: 1),
              output: UnsafeMutableBufferPointer(start: output, count: 1))
          }
        }
      }
    }
    return result
  }

  /// Evaluates the loss of every row.
  ///
  /// Each input the expression reads (see ``inputs``) has one value per row; an input it does
  /// not read may be empty. The result equals ``evaluate(y:p:m:)-(Double,Double,Double)`` row
  /// by row, bit for bit.
  ///
  /// - Parameters:
  ///   - y: The true outcomes, 0 or 1.
  ///   - p: The predicted probabilities of the positive class.
  ///   - m: The margins.
  /// - Returns: One loss per row.
  /// - Complexity: O(*n*·*k*) for *n* rows and a program of *k* instructions.
  public func evaluate(y: [Double], p: [Double], m: [Double]) -> [Double] {
    let rows = Self.rowCount(y: y, p: p, m: m, reading: inputs)
    return [Double](unsafeUninitializedCapacity: rows) { output, initialized in
      y.withUnsafeBufferPointer { label in
        p.withUnsafeBufferPointer { probability in
          m.withUnsafeBufferPointer { margin in
            program.run(label: label, probability: probability, margin: margin, output: output)
          }
        }
      }
      initialized = rows
    }
  }

  /// The number of rows of a set of input arrays, checking that each array that is read has
  /// that many values and each other array has that many or none.
  static func rowCount(y: [Double], p: [Double], m: [Double], reading inputs: LossInputs) -> Int {
    let rows = max(y.count, p.count, m.count)
    for (name, array, input) in [
      ("y", y, LossInputs.label), ("p", p, .probability), ("m", m, .margin),
    ] {
      precondition(
        array.count == rows || (array.isEmpty && !inputs.contains(input)),
        "'\(name)' has \(array.count) values where \(rows) rows are evaluated")
    }
    return rows
  }

  /// Throws when a constant's name could be mistaken for something else or its value is
  /// not finite.
  private static func validate(_ constants: [String: Double]) throws {
    for (name, value) in constants.sorted(by: { $0.key < $1.key }) {
      let bytes = Array(name.utf8)
      let isIdentifier =
        !bytes.isEmpty && LossLexer.isIdentifierStart(bytes[0])
        && bytes.allSatisfy(LossLexer.isIdentifierContinuation)
      if !isIdentifier {
        throw MetricsError(
          subject: "loss constant '\(name)'", message: "a constant's name must be an identifier")
      }
      if ["y", "p", "m"].contains(name) || LossExpressionFunction(rawValue: name) != nil {
        throw MetricsError(
          subject: "loss constant '\(name)'",
          message: "'\(name)' is reserved for a variable or a function")
      }
      if !value.isFinite {
        throw MetricsError(
          subject: "loss constant '\(name)'", message: "a constant must be finite, found \(value)")
      }
    }
  }

  /// The number of Unicode scalars in UTF-8 bytes: the bytes that are not continuations.
  private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}
