import FairAudit
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of `model:`, `scores:`, `decision:` and `data:`.
@Suite struct ManifestPredictionDiagnosticTests {
  @Test func rejectsModelAndScoresTogether() {
    let marked = MarkedText(
      Part.audit + """
        model: {file: model.json}
        1️⃣scores: {score_column: vendor_score}
        decision: {threshold: 0.5}

        """ + Part.data + Part.policies + Part.protected)
    expectManifest(
      marked,
      diagnoses: [Expected("1️⃣", "a manifest has either 'model' or 'scores', not both")])
  }

  @Test func rejectsNeitherModelNorScores() {
    let marked = MarkedText("1️⃣" + Part.audit + Part.data + Part.policies + Part.protected)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "missing 'model' or 'scores': say whether a model or recorded scores are audited")
      ])
  }

  @Test func reportsAMissingDataFileAtItsValue() {
    let marked = MarkedText(
      Part.audit + Part.scores + Part.policies + Part.protected + """
        data:
          file: 1️⃣applicants.csv
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "the data file 'applicants.csv' does not exist",
          notes: [
            "looked for '\(ManifestFixtures.directory)/applicants.csv' (relative paths start "
              + "at the manifest's folder)"
          ])
      ])
  }

  @Test func reportsAMissingModelFileAndCommandOnlyKeys() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model:
          file: 1️⃣/nonexistent/model.json
          2️⃣output: margin
        decision: {threshold: 0.5}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "the model file '/nonexistent/model.json' does not exist"),
        Expected("2️⃣", "'output' applies only to a model 'command', not to a model 'file'"),
      ])
  }

  @Test func requiresFeaturesForACommand() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model:
          1️⃣command: "python score.py"
          batch_size: 2️⃣0
        decision: {threshold: 0.5}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "missing 'features' in the model: a command needs the columns it reads, in order"),
        Expected("2️⃣", "expected 1 or more batch size, found 0"),
      ])
  }

  @Test func requiresADecisionRuleForAModel() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        1️⃣model: {file: model.json}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "a model's scores need a 'decision' rule (space, threshold and favourable side)")
      ])
  }

  @Test func rejectsAProbabilityThresholdOutsideTheUnitInterval() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model: {file: model.json}
        decision:
          space: probability
          threshold: 1️⃣1.5
          favourable: 2️⃣higher
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "expected a probability threshold between 0 and 1 (exclusive), found 1.5"),
        Expected("2️⃣", "expected one of 'above', 'below', found a string 'higher'"),
      ])
  }

  @Test func rejectsTheScoreSpaceForAModel() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model: {file: model.json}
        decision: {space: 1️⃣score, threshold: 600}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "space 'score' is for a score column; a model's threshold is on 'probability' or "
            + "'margin'")
      ])
  }

  @Test func checksTheScoresSection() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        scores:
          score_column: vendor_score
          1️⃣favourable_decision: "yes"
        decision: {space: score, threshold: 0.5}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "'favourable_decision' needs a 'decision_column'")
      ])
  }

  @Test func warnsThatADecisionRuleIsIgnoredWithADecisionColumn() throws {
    let marked = MarkedText(
      Part.audit + Part.scores + Part.data + Part.policies + Part.protected + """
        1️⃣decision: {threshold: 0.5}
        """)
    let manifest = try ManifestFixtures.parse(marked.text)
    expect(
      manifest.warnings,
      match: [
        Expected(
          "1️⃣", "'decision' is ignored: decisions come from the scores' 'decision_column'",
          severity: .warning)
      ], in: marked, file: ManifestFixtures.manifestPath)
  }

  @Test func checksTheDataSection() {
    let marked = MarkedText(
      Part.audit + Part.scores + Part.policies + Part.protected + """
        data:
          file: hiring.csv
          1️⃣favourable_label: "yes"
          delimiter: 2️⃣";;"
          column_types: {zip: 3️⃣text}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "'favourable_label' needs a 'label' column"),
        Expected(
          "2️⃣",
          "expected one ASCII character other than a quote or a line end as the delimiter, "
            + "found ';;'"),
        Expected("3️⃣", "expected one of 'numeric', 'categorical', found a string 'text'"),
      ])
  }
}
