import FairAudit
import FairMetrics
import FairTabular
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of `loss:` and `costs:`: each problem is reported at its place in the
/// manifest, problems inside a custom loss's expression at their column in the line.
@Suite struct ManifestLossDiagnosticTests {
  /// A manifest with a label, auditing recorded scores in probability space.
  static let scored =
    Part.audit + Part.policies + Part.protected + """
      data: {file: hiring.csv, label: qualified, favourable_label: "yes"}
      scores: {score_column: vendor_score}
      decision: {space: probability, threshold: 0.5}

      """

  @Test func readsABuiltInLossAndACostMatrix() throws {
    let manifest = try ManifestFixtures.parse(
      ManifestLossDiagnosticTests.scored + """
        loss: {name: focal, gamma: 2, alpha: 0.25}
        costs:
          false_positive: 5
          false_negative: 1
          by:
            column: sex
            values:
              Female: {false_negative: 2}
        """)
    let declaration = try #require(manifest.loss?.declaration)
    #expect(declaration.loss == .focal(gamma: 2, alpha: 0.25))
    #expect(
      declaration.costs
        == CostMatrix(
          costs: .init(falsePositive: 5, falseNegative: 1), column: "sex",
          overrides: ["Female": .init(falsePositive: 5, falseNegative: 2)]))
  }

  @Test func readsALossByNameAndACustomExpression() throws {
    let byName = try ManifestFixtures.parse(ManifestLossDiagnosticTests.scored + "loss: brier\n")
    #expect(byName.loss?.declaration.loss == .brier)
    let custom = try ManifestFixtures.parse(
      ManifestLossDiagnosticTests.scored + """
        loss:
          name: custom
          expression: "-(y*log(p) + c*(1-y)*log(1-p))"
          constants: {c: 3}
        """)
    #expect(
      custom.loss?.declaration.loss?.expression?.text == "-(y*log(p) + c*(1-y)*log(1-p))")
  }

  /// Malformed expressions, each with the problem's marker inside the quoted text.
  static let malformedExpressions: [(String, String)] = [
    ("1️⃣pp * 2", "unknown variable 'pp'; did you mean 'p'?"),
    ("1 - 1️⃣zzz", "unknown variable 'zzz'"),
    ("1️⃣lg(p)", "unknown function 'lg'; did you mean 'log'?"),
    ("1️⃣softplus(m)", "unknown function 'softplus'"),
    ("log1️⃣(p + 1", "unmatched '('"),
    ("(p + 1)1️⃣) * 2", "unmatched ')'"),
    ("y/1️⃣0", "division by zero"),
    ("p/1️⃣(2-2)", "division by zero: '(2-2)' is always 0"),
    ("1️⃣min(p)", "'min' takes 2 arguments, not 1"),
    ("1️⃣clip(p, 0)", "'clip' takes 3 arguments, not 2"),
    ("1️⃣log + 1", "'log' is a function; call it as 'log(…)'"),
  ]

  @Test(arguments: malformedExpressions)
  func reportsAMalformedExpressionAtItsColumn(_ expression: String, _ message: String) {
    let marked = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        loss:
          name: custom
          expression: "\(expression)"
        """)
    expectManifest(marked, diagnoses: [Expected("1️⃣", message)])
  }

  @Test func reportsLossNamesAndParameters() {
    let marked = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        loss:
          name: 1️⃣focall
          gamma: 2
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "expected one of 'log_loss', 'brier', 'squared_error', 'absolute_error', 'hinge', "
            + "'weighted_log_loss', 'focal', 'custom', found 'focall'",
          notes: ["did you mean 'focal'?"])
      ])
    let wrongParameter = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        loss:
          name: log_loss
          1️⃣gamma: 2
        """)
    expectManifest(
      wrongParameter,
      diagnoses: [
        Expected("1️⃣", "'gamma' is not a parameter of the loss 'log_loss' (it takes none)")
      ])
    let missing = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        loss:
          1️⃣name: focal
          alpha: 0.25
        """)
    expectManifest(missing, diagnoses: [Expected("1️⃣", "the loss 'focal' needs 'gamma'")])
    let outOfRange = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        loss:
          name: focal
          gamma: 2
          alpha: 1️⃣1.5
        """)
    expectManifest(
      outOfRange, diagnoses: [Expected("1️⃣", "'alpha' must be between 0 and 1, found 1.5")])
    let noExpression = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        loss:
          1️⃣name: custom
        """)
    expectManifest(
      noExpression,
      diagnoses: [
        Expected("1️⃣", "a custom loss needs an 'expression' over y, p, m and declared constants")
      ])
  }

  @Test func reportsCostMatrixProblems() {
    let marked = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        costs:
          4️⃣false_positive: 1️⃣five
          2️⃣fals_negative: 1
          by:
            column: sex
            values:
              Female: {false_negative: 3️⃣1e999}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("4️⃣", "missing required key 'false_negative' in the cost matrix"),
        Expected("1️⃣", "expected a number, found a string 'five'"),
        Expected(
          "2️⃣", "unknown key 'fals_negative' in the cost matrix",
          notes: ["did you mean 'false_negative'?"]),
        Expected("3️⃣", "expected a number, found a string '1e999'"),
      ])
  }

  /// The diagnostics of validating `marked` against the fixture data.
  func validation(_ marked: MarkedText) throws -> [Diagnostic] {
    try ManifestFixtures.validationDiagnostics(marked.text)
  }

  @Test func checksTheCostColumnAndItsValuesAgainstTheData() throws {
    let marked = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        costs:
          false_positive: 5
          false_negative: 1
          by:
            column: sex
            values:
              Female: {false_negative: 2}
              1️⃣Femal: {false_negative: 2}
        """)
    expect(
      try validation(marked),
      match: [
        Expected(
          "1️⃣", "the cost matrix names 'Femal', which the column 'sex' never holds",
          notes: ["did you mean 'Female'?"])
      ], in: marked, file: ManifestFixtures.manifestPath)
    let column = MarkedText(
      ManifestLossDiagnosticTests.scored + """
        costs:
          false_positive: 5
          false_negative: 1
          by: {column: 1️⃣sexx, values: {Female: {false_negative: 2}}}
        """)
    expect(
      try validation(column),
      match: [
        Expected(
          "1️⃣", "the cost matrix column 'sexx' is not a column of 'hiring.csv'",
          notes: ["did you mean 'sex'?"])
      ], in: column, file: ManifestFixtures.manifestPath)
  }

  @Test func needsALabelAndProbabilities() throws {
    let noLabel = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        scores: {score_column: vendor_score}
        decision: {space: probability, threshold: 0.5}
        1️⃣loss: log_loss
        """)
    expect(
      try validation(noLabel),
      match: [
        Expected(
          "1️⃣", "a declared loss needs true outcomes; name the label column in 'data: label:'")
      ], in: noLabel, file: ManifestFixtures.manifestPath)
    let decisionsOnly = MarkedText(
      Part.audit + Part.scores + Part.policies + Part.protected
        + "data: {file: hiring.csv, label: qualified, favourable_label: \"yes\"}\n" + """
          1️⃣loss: brier
          """)
    expect(
      try validation(decisionsOnly),
      match: [
        Expected(
          "1️⃣",
          "the loss 'brier' reads the model's score, but the audit has only a decision column; "
            + "give a 'score_column'")
      ], in: decisionsOnly, file: ManifestFixtures.manifestPath)
  }
}
