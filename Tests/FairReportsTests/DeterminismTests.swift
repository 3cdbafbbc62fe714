import FairReports
import Foundation
import Testing

@Suite struct DeterminismTests {
  static let cases: [(format: ReportFormat, sample: String)] = ReportFormat.allCases.flatMap {
    format in SampleDocuments.names.map { (format, $0) }
  }

  private static func document(_ name: String) -> FindingsDocument {
    SampleDocuments.named(name)
  }

  @Test(arguments: cases)
  func renderingTwiceGivesIdenticalBytes(format: ReportFormat, sample: String) throws {
    let document = Self.document(sample)
    let first = try format.render(document, in: SampleDocuments.context)
    let second = try format.render(Self.document(sample), in: SampleDocuments.context)
    #expect(Data(first.utf8) == Data(second.utf8))
    #expect(first.hasSuffix("\n"))
  }

  @Test(arguments: cases)
  func savedDocumentRendersTheSameReport(format: ReportFormat, sample: String) throws {
    let document = Self.document(sample)
    let saved = try FindingsDocument.decode(from: Data(try DocumentJSON.encode(document).utf8))
    #expect(
      try format.render(saved, in: SampleDocuments.context)
        == format.render(document, in: SampleDocuments.context))
  }

  @Test func formatsNameTheirFilesAndRenderers() {
    #expect(
      ReportFormat.allCases.map(\.fileName) == [
        "summary.txt", "findings.json", "junit.xml", "summary.md", "report.html",
      ])
    for format in ReportFormat.allCases { #expect(format.renderer.format == format) }
  }
}
