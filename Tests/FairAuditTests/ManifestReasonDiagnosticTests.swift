import FairAudit
import FairMetrics
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of the manifest's `reasons:` section.
@Suite struct ManifestReasonDiagnosticTests {
  @Test func checksReasonSettings() {
    let marked = MarkedText(
      Part.all + """
        reasons:
          table: 1️⃣missing-codes.yaml
          top: 2️⃣0
          reference: 3️⃣near_cutoff
          cutoff_band: 4️⃣0.05
          stability_replicates: 5️⃣1
          6️⃣perturbaton: 0.1
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "the reason table 'missing-codes.yaml' does not exist",
          notes: [
            "looked for '\(ManifestFixtures.directory)/missing-codes.yaml' (relative paths "
              + "start at the manifest's folder)"
          ]),
        Expected("2️⃣", "expected 1 or more top, found 0"),
        Expected(
          "3️⃣", "expected one of 'all', 'near-cutoff', found a string 'near_cutoff'",
          notes: ["did you mean 'near-cutoff'?"]),
        Expected("4️⃣", "'cutoff_band' is only valid with 'reference: near-cutoff'"),
        Expected(
          "5️⃣", "expected 0 (no stability measurement) or at least 2 replicates, found 1"),
        Expected(
          "6️⃣", "unknown key 'perturbaton' in the reason settings",
          notes: ["did you mean 'perturbation'?"]),
      ])
  }

  @Test func readsReasonSettings() throws {
    let manifest = try ManifestFixtures.parse(
      Part.all + """
        reasons:
          top: 3
          reference: near-cutoff
          cutoff_band: 0.05
          background_rows: 50
          age_column: age
          stability_replicates: 0
        """)
    #expect(manifest.reasons.top == 3)
    #expect(manifest.reasons.reference == .nearCutoff(band: 0.05))
    #expect(manifest.reasons.backgroundRows == 50)
    #expect(manifest.reasons.ageColumn == "age")
    #expect(manifest.reasons.stabilityReplicates == 0)
  }
}
