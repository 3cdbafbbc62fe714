import FairAudit
import Testing
import _FairSupport
import _FairTestSupport

/// The parts of a valid manifest, for tests that break one other part.
enum Part {
  static let audit = "audit: hiring-2026q4\n"
  static let scores = "scores: {decision_column: vendor_selected, favourable_decision: \"yes\"}\n"
  static let data = "data: {file: hiring.csv}\n"
  static let protected = "protected:\n  - {name: sex, column: sex}\n"
  static let policies = "policies: [eeoc-four-fifths]\n"
  /// Everything but `protected:`.
  static let allButProtected = audit + scores + data + policies
  /// A complete manifest.
  static let all = allButProtected + protected
}

/// Marker-text tests of manifests that are not valid YAML or break the format's keys and types.
@Suite struct ManifestSyntaxDiagnosticTests {
  @Test func acceptsTheMinimalManifest() throws {
    let manifest = try ManifestFixtures.parse(Part.all)
    #expect(manifest.identifier == "hiring-2026q4")
    #expect(manifest.warnings.isEmpty)
  }

  @Test func reportsInvalidYAML() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
          - {name: sex, column: sex
        1️⃣
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "invalid YAML: did not find expected ',' or '}'",
          notes: ["while parsing a flow mapping"])
      ])
  }

  @Test func reportsATabInIndentation() {
    let marked = MarkedText(
      Part.allButProtected + """
        protected:
        1️⃣\t- {name: sex, column: sex}
        """)
    expectManifest(
      marked, diagnoses: [Expected("1️⃣", "tab in indentation; YAML indents with spaces")])
  }

  @Test func reportsAnUnknownTopLevelKeyWithASuggestion() {
    let marked = MarkedText(
      """
      1️⃣audit: hiring
      scores: {decision_column: vendor_selected, favourable_decision: "yes"}
      data: {file: hiring.csv}
      policies: [eeoc-four-fifths]
      2️⃣protectd:
        - {name: sex, column: sex}
      """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "missing required key 'protected' in an audit manifest"),
        Expected(
          "2️⃣", "unknown key 'protectd' in an audit manifest",
          notes: ["did you mean 'protected'?"]),
      ])
  }

  @Test func reportsAnUnknownNestedKeyWithASuggestion() {
    let marked = MarkedText(
      Part.audit + Part.scores + Part.policies + Part.protected + """
        data:
          file: hiring.csv
          1️⃣lable: qualified
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "unknown key 'lable' in the data", notes: ["did you mean 'label'?"])
      ])
  }

  @Test func reportsValuesOfTheWrongType() {
    let marked = MarkedText(
      Part.all + """
        minimum_slice_share: 1️⃣some
        statistics:
          bootstrap: 2️⃣1.5
          seed: 3️⃣[7]
          test: 4️⃣fischer
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "expected a number, found a string 'some'"),
        Expected("2️⃣", "expected a whole number, found '1.5'"),
        Expected("3️⃣", "expected a number, found a list"),
        Expected(
          "4️⃣", "expected one of 'auto', 'z', 'fisher', found a string 'fischer'",
          notes: ["did you mean 'fisher'?"]),
      ])
  }

  @Test func reportsAnInvalidIdentifier() {
    let marked = MarkedText(
      "audit: 1️⃣hiring audit 2026\n" + Part.scores + Part.data + Part.policies + Part.protected)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "expected an audit identifier of letters, digits, '.', '_' and '-', found 'hiring audit 2026'"
        )
      ])
  }

  @Test func reportsAnEmptyDocument() {
    let marked = MarkedText("1️⃣# nothing here\n")
    expectManifest(marked, diagnoses: [Expected("1️⃣", "the file is empty")])
  }

  @Test func reportsADocumentThatIsNotAMapping() {
    let marked = MarkedText("1️⃣- audit: x\n")
    expectManifest(marked, diagnoses: [Expected("1️⃣", "expected a mapping, found a list")])
  }
}
