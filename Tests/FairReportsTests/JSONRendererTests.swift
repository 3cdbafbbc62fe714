import FairReports
import Foundation
import Testing
import _FairTestSupport

@Suite(.tags(.golden)) struct JSONRendererTests {
  @Test func rendersHiringAudit() throws {
    let json = try JSONReportRenderer().render(SampleDocuments.hiring, in: SampleDocuments.context)
    expectMatchesGolden(json, suite: "JSONRendererTests", name: "rendersHiringAudit.json")
  }

  @Test func rendersCreditAudit() throws {
    let json = try JSONReportRenderer().render(SampleDocuments.credit, in: SampleDocuments.context)
    expectMatchesGolden(json, suite: "JSONRendererTests", name: "rendersCreditAudit.json")
  }

  @Test func rendersMinimalAudit() throws {
    let json = try JSONReportRenderer().render(SampleDocuments.minimal, in: SampleDocuments.context)
    expectMatchesGolden(json, suite: "JSONRendererTests", name: "rendersMinimalAudit.json")
  }

  @Test func rendersLossAudit() throws {
    let json = try JSONReportRenderer().render(SampleDocuments.loss, in: SampleDocuments.context)
    expectMatchesGolden(json, suite: "JSONRendererTests", name: "rendersLossAudit.json")
  }

  @Test func goldenFilesDecodeStrictlyToTheSamples() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/JSONRendererTests")
    for (name, document) in [
      ("rendersHiringAudit", SampleDocuments.hiring),
      ("rendersCreditAudit", SampleDocuments.credit),
      ("rendersMinimalAudit", SampleDocuments.minimal),
      ("rendersLossAudit", SampleDocuments.loss),
    ] {
      let data = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
      #expect(try FindingsDocument.decode(from: data, file: name) == document)
    }
  }
}
