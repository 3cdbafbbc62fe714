import FairAudit
import FairModels
import Testing
import _FairSupport
import _FairTestSupport

/// `model: link:`, the declared link of a model trained with a custom objective.
@Suite struct ManifestModelLinkTests {
  @Test func readsTheDeclaredLink() throws {
    let manifest = try ManifestFixtures.parse(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model:
          file: model.json
          link: logistic
        decision: {threshold: 0.5}

        """)
    #expect(
      manifest.model?.source
        == .file(ManifestFixtures.directory + "/model.json", link: .logistic))
  }

  @Test func reportsAnUnknownLinkWithASuggestion() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model:
          file: model.json
          link: 1️⃣logistc
        decision: {threshold: 0.5}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected(
          "1️⃣", "expected one of 'identity', 'logistic', found a string 'logistc'",
          notes: ["did you mean 'logistic'?"])
      ])
  }

  @Test func rejectsALinkForACommand() {
    let marked = MarkedText(
      Part.audit + Part.data + Part.policies + Part.protected + """
        model:
          command: "python score.py"
          features: [years_experience]
          1️⃣link: logistic
        decision: {threshold: 0.5}
        """)
    expectManifest(
      marked,
      diagnoses: [
        Expected("1️⃣", "'link' applies only to a model 'file', not to a model 'command'")
      ])
  }
}
