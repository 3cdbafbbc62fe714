import FairMetrics
import Testing
import _FairSupport
import _FairTestSupport

@Suite struct LossExpressionTests {
  // MARK: - Values against numpy

  @Test(.tags(.golden)) func referenceLoads() throws {
    let reference = try LossReference.shared()
    #expect(reference.meta.numpy == "2.4.6")
    #expect(reference.meta.sklearn == "1.9.0")
    #expect(reference.expressions.count >= 20)
    #expect(reference.builtins.count >= 9)
    #expect(reference.rows.y.count == 22)
  }

  /// Each expression of the table, parsed by FairGate, against the same formula written by
  /// hand in numpy.
  ///
  /// Tolerance: 1e-12 relative. numpy's `log`, `exp` and `**` are not the C library's that
  /// Swift calls, and either may be off by an ulp or two; the expressions in the table have
  /// condition numbers far below 1e3, so their results differ by well under 1e-12. Every
  /// mistake this test is for (precedence, associativity, a wrong function or constant)
  /// changes values by far more.
  @Test(.tags(.golden), arguments: LossReference.cases(\.expressions))
  func matchesNumpy(_ expression: LossReference.Expression) throws {
    let rows = try LossReference.shared().rows
    let parsed = try LossExpression(expression.text, constants: expression.constants)
    let values = parsed.evaluate(y: rows.y, p: rows.p, m: rows.m)
    expectAllClose(values, expression.values, relative: 1e-12, expression.name)
  }

  @Test func evaluatesWithPrecedenceAndAssociativity() throws {
    let cases: [(text: String, value: Double)] = [
      ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("2 ^ 3 ^ 2", 512), ("-2 ^ 2", -4),
      ("(-2) ^ 2", 4), ("2 ^ -1", 0.5), ("10 - 4 - 3", 3), ("16 / 4 / 2", 2),
      ("1 < 2", 1), ("2 <= 1", 0), ("1 + 1 == 2", 1), ("if(3 > 2, 10, 20)", 10),
      ("clip(5, 0, 1)", 1), ("min(3, -1) + max(3, -1)", 2), ("- - 3", 3),
    ]
    for (text, value) in cases {
      // Exact: small whole numbers and powers of two are represented exactly.
      #expect(try LossExpression(text).evaluate(y: 0, p: 0, m: 0) == value, "\(text)")
    }
  }

  // MARK: - Arrays, single rows, NaN

  @Test func arrayEvaluationEqualsSingleRows() throws {
    let expression = try LossExpression(
      "if(y == 1, -alpha * (1 - p)^2 * log(p), -(1 - alpha) * p^2 * log(1 - p)) + clip(m, -1, 1)",
      constants: ["alpha": 0.25])
    // 1,000 rows: several blocks of the evaluator, the last one partial.
    var generator = SplitMix64(seed: 11)
    var y: [Double] = []
    var p: [Double] = []
    var m: [Double] = []
    for _ in 0..<1000 {
      y.append(generator.next() % 2 == 0 ? 0 : 1)
      p.append(Double(generator.next() >> 11) / Double(1 << 53))
      m.append(Double(Int64(bitPattern: generator.next()) >> 40) / 1e5)
    }
    let values = expression.evaluate(y: y, p: p, m: m)
    #expect(values.count == 1000)
    for row in 0..<1000 {
      let single = expression.evaluate(y: y[row], p: p[row], m: m[row])
      // Bit for bit: both forms run the same instructions on the same values.
      #expect(values[row].bitPattern == single.bitPattern, "row \(row)")
    }
  }

  @Test(arguments: [
    "y * log(p) + m", "if(p > 0.5, 1, 0)", "min(p, 1)", "max(0, 1 - m)", "clip(p, 0, 1)",
    "abs(m) + sqrt(p) + exp(y)", "if(y == 1, 1, 2) * p", "p ^ 2", "(y - p) ^ 0.5",
  ])
  func nanInputsGiveNaN(_ text: String) throws {
    let expression = try LossExpression(text)
    let inputs: [Double] = [1, 0.5, 0.25]
    for index in 0..<3 where expression.inputs.contains(LossInputs(rawValue: 1 << index)) {
      var row = inputs
      row[index] = .nan
      #expect(expression.evaluate(y: row[0], p: row[1], m: row[2]).isNaN, "\(text) \(index)")
      let values = expression.evaluate(y: [row[0], 1], p: [row[1], 0.5], m: [row[2], 0.25])
      #expect(values[0].isNaN && !values[1].isNaN, "\(text) \(index)")
    }
  }

  @Test func unreadInputsMayBeEmpty() throws {
    let expression = try LossExpression("p ^ 2")
    #expect(expression.evaluate(y: [], p: [0.5, 0.25], m: []) == [0.25, 0.0625])
    #expect(try LossExpression("2 * 3").evaluate(y: [1, 0], p: [], m: []) == [6, 6])
    #expect(expression.evaluate(y: [], p: [], m: []).isEmpty)
  }

  @Test func reportsVariablesUsed() throws {
    let expression = try LossExpression(
      "alpha * p + m", constants: ["alpha": 2, "beta": 3])
    #expect(expression.variablesUsed == ["alpha", "p", "m"])
    #expect(expression.inputs == [.probability, .margin])
    #expect(try LossExpression("1 - y").inputs == .label)
    #expect(try LossExpression("2").variablesUsed.isEmpty)
  }

  @Test func acceptsTheLimits() throws {
    let deep = String(repeating: "(", count: 64) + "p" + String(repeating: ")", count: 64)
    #expect(try LossExpression(deep).evaluate(y: 0, p: 0.5, m: 0) == 0.5)
    let long = "p" + String(repeating: "+p", count: 2047) + " "
    #expect(long.count == LossExpression.maximumLength)
    #expect(try LossExpression(long).evaluate(y: 0, p: 1, m: 0) == 2048)
  }

  // MARK: - Errors

  struct Malformed: Sendable, CustomTestStringConvertible {
    var text: String
    var constants: [String: Double] = [:]
    /// (column, length, message) of every problem, in order.
    var problems: [(Int, Int, String)]

    var testDescription: String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
  }

  static let malformed: [Malformed] = [
    Malformed(text: "pp * 2", problems: [(1, 2, "unknown variable 'pp'; did you mean 'p'?")]),
    Malformed(
      text: "alpha * (1 - p) ^ gama", constants: ["alpha": 0.25, "gamma": 2],
      problems: [(19, 4, "unknown variable 'gama'; did you mean 'gamma'?")]),
    Malformed(text: "1 - zzz", problems: [(5, 3, "unknown variable 'zzz'")]),
    Malformed(text: "lg(p)", problems: [(1, 2, "unknown function 'lg'; did you mean 'log'?")]),
    Malformed(text: "softplus(m)", problems: [(1, 8, "unknown function 'softplus'")]),
    Malformed(text: "log + 1", problems: [(1, 3, "'log' is a function; call it as 'log(…)'")]),
    Malformed(text: "log(p + 1", problems: [(4, 1, "unmatched '('")]),
    Malformed(text: "2 * (p + 1", problems: [(5, 1, "unmatched '('")]),
    Malformed(text: "(p + 1)) * 2", problems: [(8, 1, "unmatched ')'")]),
    Malformed(text: "1/0", problems: [(3, 1, "division by zero")]),
    Malformed(text: "p/(2-2)", problems: [(3, 5, "division by zero: '(2-2)' is always 0")]),
    Malformed(
      text: "p / k", constants: ["k": 0], problems: [(5, 1, "division by zero: 'k' is always 0")]),
    Malformed(text: "min(p)", problems: [(1, 6, "'min' takes 2 arguments, not 1")]),
    Malformed(text: "clip(p, 0)", problems: [(1, 10, "'clip' takes 3 arguments, not 2")]),
    Malformed(text: "log(p, 2)", problems: [(1, 9, "'log' takes 1 argument, not 2")]),
    Malformed(text: "p +", problems: [(4, 0, "expected an operand after '+', found end of input")]),
    Malformed(text: "p * )", problems: [(5, 1, "expected an operand after '*', found ')'")]),
    Malformed(text: "", problems: [(1, 0, "empty expression")]),
    Malformed(text: "  \t ", problems: [(1, 0, "empty expression")]),
    Malformed(text: "1.2.3 * p", problems: [(1, 5, "invalid number '1.2.3'")]),
    Malformed(text: "2e * p", problems: [(1, 2, "invalid number '2e'")]),
    Malformed(text: "1e999 * p", problems: [(1, 5, "number '1e999' is out of range")]),
    Malformed(text: "p @ 2", problems: [(3, 1, "unexpected character '@'")]),
    Malformed(text: "y = 1", problems: [(3, 1, "unexpected character '='; did you mean '=='?")]),
    Malformed(text: "p × 2", problems: [(3, 1, "unexpected character '×'")]),
    Malformed(
      text: "é + pp",
      problems: [
        (1, 1, "unexpected character 'é'"), (5, 2, "unknown variable 'pp'; did you mean 'p'?"),
      ]),
    Malformed(
      text: String(repeating: "(", count: 65) + "p" + String(repeating: ")", count: 65),
      problems: [(65, 1, "expression nests more than 64 levels deep")]),
    Malformed(
      text: "p" + String(repeating: " ^ p", count: 65),
      problems: [(259, 1, "expression nests more than 64 levels deep")]),
    Malformed(text: "log(0)", problems: [(5, 1, "'log' needs a positive argument, not 0")]),
    Malformed(
      text: "log(1 - 2) * y",
      problems: [(5, 5, "'log' needs a positive argument; '1 - 2' is always -1")]),
    Malformed(
      text: "sqrt(-4)",
      problems: [(6, 2, "'sqrt' needs a non-negative argument; '-4' is always -4")]
    ),
    Malformed(
      text: "2 p",
      problems: [(3, 1, "expected an operator or the end of the expression, found 'p'")]
    ),
    Malformed(text: "min(p q)", problems: [(7, 1, "expected an operator, ',' or ')', found 'q'")]),
    Malformed(text: "(p q)", problems: [(4, 1, "expected an operator or ')', found 'q'")]),
    Malformed(
      text: "lg(q) + 1/0",
      problems: [
        (1, 2, "unknown function 'lg'; did you mean 'log'?"),
        (4, 1, "unknown variable 'q'; did you mean 'y'?"), (11, 1, "division by zero"),
      ]),
    Malformed(
      text: "1.2.3 + ",
      problems: [
        (1, 5, "invalid number '1.2.3'"),
        (9, 0, "expected an operand after '+', found end of input"),
      ]),
    Malformed(
      text: "p" + String(repeating: "+p", count: 2048),
      problems: [(4097, 1, "expression is 4097 characters long; the limit is 4096")]),
  ]

  @Test(arguments: malformed)
  func reportsLocatedProblems(_ malformed: Malformed) {
    do {
      let expression = try LossExpression(malformed.text, constants: malformed.constants)
      Issue.record("parsed '\(expression.text)'")
    } catch let error as LossExpressionError {
      let found = error.problems.map { "\($0.column)+\($0.length): \($0.message)" }
      let wanted = malformed.problems.map { "\($0.0)+\($0.1): \($0.2)" }
      #expect(found == wanted)
      #expect(error.text == malformed.text)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func rendersWithACaretAndMovesIntoAFile() throws {
    let error = try #require(throws: LossExpressionError.self) { try LossExpression("1 + lg(p)") }
    #expect(
      error.description == """
        error: unknown function 'lg'; did you mean 'log'?
            1 + lg(p)
                ^
        """)
    // The expression starts at column 12 of line 7: `    loss: "1 + lg(p)"` after the quote.
    let placed = error.diagnostics(
      file: "fairgate.yaml", line: 7, column: 12, sourceLine: "    loss: \"1 + lg(p)\"")
    #expect(
      placed.map(\.description) == [
        "fairgate.yaml:7:16: error: unknown function 'lg'; did you mean 'log'?"
      ])
  }

  @Test(arguments: [
    ("y", 1.0, "'y' is reserved for a variable or a function"),
    ("log", 1.0, "'log' is reserved for a variable or a function"),
    ("2k", 1.0, "a constant's name must be an identifier"),
    ("k", Double.infinity, "a constant must be finite, found inf"),
  ])
  func rejectsUnusableConstants(_ name: String, _ value: Double, _ message: String) {
    let error = #expect(throws: MetricsError.self) {
      try LossExpression("p", constants: [name: value])
    }
    #expect(error?.message == message)
    #expect(error?.subject == "loss constant '\(name)'")
  }
}
