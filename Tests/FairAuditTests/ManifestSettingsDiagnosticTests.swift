import FairAudit
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of the settings sections, policies and waivers.
@Suite struct ManifestSettingsDiagnosticTests {
  @Test func checksStatisticsRanges() {
    let marked = MarkedText(
      Part.all + """
        statistics:
          bootstrap: 1️⃣-5
          confidence: 2️⃣95
        minimum_slice_share: 3️⃣2
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "expected 0 or more bootstrap replicates, found -5"),
        Expected(
          "2️⃣", "expected a confidence level between 0 and 1 (exclusive), found 95",
          notes: ["write 95% as 0.95"]),
        Expected(
          "3️⃣", "expected a minimum slice share from 0 up to (not including) 1, found 2",
          notes: ["write 2% as 0.02"]),
      ])
  }

  @Test func checksAttributionSettings() {
    let marked = MarkedText(
      Part.all + """
        attributions:
          method: 1️⃣kernel-shap
          output: 2️⃣log-odds
          background: {file: 3️⃣missing-background.csv}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "expected one of 'auto', 'tree-path', 'tree-interventional', 'linear', 'kernel', "
            + "'permutation', 'lime', 'integrated-gradients', found a string 'kernel-shap'",
          notes: ["did you mean 'kernel'?"]),
        Expected("2️⃣", "expected one of 'margin', 'probability', found a string 'log-odds'"),
        Expected(
          "3️⃣", "the background file 'missing-background.csv' does not exist",
          notes: [
            "looked for '\(ManifestFixtures.directory)/missing-background.csv' (relative paths "
              + "start at the manifest's folder)"
          ]),
      ])
  }

  @Test func rejectsSamplesForAnExactMethod() {
    let marked = MarkedText(
      Part.all + """
        attributions:
          method: tree-path
          1️⃣samples: 2048
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣",
          "'samples' applies only to the sampling methods (kernel, permutation, lime), not to "
            + "'tree-path'")
      ])
  }

  @Test func checksFeatureGroupsAndProxies() {
    let marked = MarkedText(
      Part.all + """
        feature_groups:
          purpose: [purpose_car, purpose_furniture]
          vehicle: [1️⃣purpose_car]
          empty: 2️⃣[]
        proxies:
          threshold: 3️⃣0
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "column 'purpose_car' is already in feature group 'purpose'"),
        Expected("2️⃣", "feature group 'empty' has no members"),
        Expected("3️⃣", "expected a proxy threshold above 0 and at most 1, found 0"),
      ])
  }

  @Test func reportsAMissingPolicyFileAndAnUnknownPack() {
    let marked = MarkedText(
      Part.audit + Part.scores + Part.data + Part.protected + """
        policies:
          - 1️⃣./policies/external.yaml
          - 2️⃣eeoc-four-fifth
          - ./policies/internal.yaml
          - 3️⃣./policies/internal.yaml
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "the policy file './policies/external.yaml' does not exist",
          notes: [
            "looked for '\(ManifestFixtures.directory)/policies/external.yaml' (relative "
              + "paths start at the manifest's folder)"
          ]),
        Expected(
          "2️⃣",
          "no shipped policy pack 'eeoc-four-fifth'; a policy file's path contains '/' or ends "
            + "in '.yaml'",
          notes: ["did you mean 'eeoc-four-fifths'?"]),
        Expected(
          "3️⃣", "duplicate policy './policies/internal.yaml'",
          notes: ["'./policies/internal.yaml' first appears here"]),
      ])
  }

  @Test func rejectsAWaiverWithoutAnExpiryDate() {
    let marked = MarkedText(
      Part.all + """
        waivers:
          - 1️⃣rule: eeoc.impact-ratio
            reason: validated job requirement
            approver: J. Rivera
        """)
    expectManifest(
      marked, diagnoses: [Expected("1️⃣", "missing required key 'expires' in a waiver")])
  }

  @Test func rejectsAWaiverWithAnImpossibleDate() {
    let marked = MarkedText(
      Part.all + """
        waivers:
          - rule: eeoc.impact-ratio
            subject: {grouping: sex, slice: Female}
            reason: validated job requirement
            approver: J. Rivera
            expires: 1️⃣2026-02-30
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "'2026-02-30' is not a calendar date: February 2026 has 28 days")
      ])
  }

  @Test func checksReportMetadata() {
    let marked = MarkedText(
      Part.all + """
        report:
          data_kind: 1️⃣synthetic
          distribution_date: 2️⃣15/01/2026
          3️⃣audtor: someone
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "expected one of 'historical', 'test', found a string 'synthetic'"),
        Expected("2️⃣", "expected a date written YYYY-MM-DD, found '15/01/2026'"),
        Expected(
          "3️⃣", "unknown key 'audtor' in the report metadata", notes: ["did you mean 'auditor'?"]
        ),
      ])
  }
}
