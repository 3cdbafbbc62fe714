import FairAttribution
import FairMetrics
import FairModels
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// A model that is not a tree ensemble (a PMML logistic regression on German credit) gets
/// its loss attributions by permutation sampling of the loss game, and its loss-gap
/// decomposition still adds up: every permutation's contributions sum to the row's loss
/// minus its baseline exactly.
@Suite struct LossGapPermutationTests {
  @Test func nonTreeModelsDecomposeTheirLossGapBySampling() throws {
    let root = FixturePaths.repositoryRoot() + "/fixtures/pmml/logistic-regression/"
    // The first 40 rows keep the sampling quick in a debug build.
    let lines = try String(contentsOfFile: root + "data.csv", encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    let data = try FixturePaths.temporaryFile(
      "credit.csv", contents: lines.prefix(41).joined(separator: "\n") + "\n")
    let attributes = [ProtectedAttribute(name: "sex", source: .column("sex"), reference: "male")]
    let request = EvidenceRequest(
      data: data,
      outputs: .model(.file(root + "model.pmml"), rule: DecisionRule()),
      idColumn: "applicant_id", label: "credit_risk", favourableLabel: "good",
      attribution: EvidenceRequest.AttributionSettings(background: .sample(rows: 8)),
      loss: LossDeclaration(loss: .logLoss),
      configuration: Evidence.Configuration(
        attributes: attributes,
        groupings: Evidence.Configuration.groupings(attributes: attributes, intersections: []),
        bootstrapReplicates: 50, seed: 3))
    let evidence = try EvidenceBuilder.build(request, seed: 3, threads: 2).evidence
    let attributions = try evidence.lossAttributions()
    #expect(attributions.method == .permutation)
    #expect(attributions.standardErrors != nil)
    #expect(attributions.largestAdditivityGap < 1e-9)
    let decomposition = try #require(try evidence.lossGapDecompositions().first)
    let female = try #require(decomposition.slice(named: "female"))
    let total = female.contributions.reduce(female.outcomeMix) { $0 + $1.contribution }
    #expect(abs(total - female.gap) < 1e-9, "\(total) vs \(female.gap)")
    #expect(abs(female.additivityError) < 1e-9)
    // The same seed gives the same attributions for another thread count.
    let again = try EvidenceBuilder.build(request, seed: 3, threads: 1).evidence
    #expect(try again.lossAttributions() == attributions)
  }
}
