import FairPolicy
import Testing
import _FairTestSupport

/// The packs in `policies/` parse cleanly and say what the regulatory notes require.
@Suite struct ShippedPackTests {
  let directory = FixturePaths.repositoryRoot() + "/policies"

  func packs() throws -> [PolicyPack] {
    try PolicyPack.loadAll(from: directory)
  }

  @Test func everyPackParsesWithoutDiagnostics() throws {
    let packs = try packs()
    #expect(
      packs.map(\.id) == [
        "attribution-guardrails", "ecoa-reg-b", "eeoc-four-fifths", "eu-ai-act", "loss-parity",
        "nyc-ll144",
      ])
    #expect(packs.allSatisfy { !$0.rules.isEmpty && !$0.version.isEmpty })
  }

  @Test func everyRuleCitesItsSource() throws {
    for pack in try packs() {
      for rule in pack.rules {
        #expect(!rule.citations.isEmpty, "\(pack.id) \(rule.id) has no citation")
      }
    }
  }

  @Test func withdrawnGuidanceIsCitedAsWithdrawn() throws {
    let citations = try packs().flatMap { $0.rules.flatMap(\.citations) }
    for citation in citations
    where citation.text.contains("Circular 2022-03") || citation.text.contains("May 2023") {
      #expect(citation.status == .withdrawn, "\(citation.text)")
    }
    #expect(citations.contains { $0.text.contains("Circular 2022-03") })
    #expect(citations.contains { $0.text.contains("90 FR 50901") && $0.status == .proposed })
    #expect(citations.contains { $0.text.contains("Art. 4a after the Digital Omnibus") })
  }

  @Test func localLaw144HasNoPassMarkButAnAdvisoryHeuristic() throws {
    let pack = try #require(try packs().first { $0.id == "nyc-ll144" })
    for rule in pack.rules where rule.requirement != nil && rule.severity != .info {
      #expect(rule.isAdvisory, "\(rule.id) gates without being advisory")
      #expect(rule.severity == .warning)
      #expect(rule.title.contains("EEOC"))
    }
    #expect(pack.rules.contains { $0.isAdvisory })
  }

  @Test func fourFifthsRuleUsesTheSignificanceMatrix() throws {
    let pack = try #require(try packs().first { $0.id == "eeoc-four-fifths" })
    let rule = try #require(pack.rules.first { $0.id == "eeoc.impact-ratio" })
    #expect(rule.requirement == Requirement(.atLeast, 0.8))
    #expect(rule.test == .auto)
    #expect(rule.citations.map(\.kind) == [.regulation, .practice, .guidance])
  }
}
