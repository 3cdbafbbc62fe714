import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// Secure loading: no DTDs or entities, size limits, fatal parser errors with places.
@Suite struct PMMLSecurityTests {
  private static let minimal = PMMLTesting.document(
    fields: """
      <DataField name="x" optype="continuous" dataType="double"/>
      <DataField name="y" optype="continuous" dataType="double"/>
      """,
    model: """
      <RegressionModel functionName="regression">
        <MiningSchema>
          <MiningField name="x"/>
          <MiningField name="y" usageType="target"/>
        </MiningSchema>
        <RegressionTable intercept="1.5">
          <NumericPredictor name="x" coefficient="2"/>
        </RegressionTable>
      </RegressionModel>
      """)

  @Test func loadsMinimalDocument() throws {
    let model = try PMMLTesting.load(Self.minimal)
    let scores = try PMMLTesting.scores(model, csv: "x\n1\n-2\n")
    // Exact: 1.5 + 2·x in binary floating point.
    expectClose(scores[0], 3.5, absolute: 0)
    expectClose(scores[1], -2.5, absolute: 0)
  }

  @Test func refusesExternalEntityWithoutLeakingTheFile() throws {
    let directory = try FixturePaths.temporaryDirectory(named: "pmml-xxe")
    let secret = "TOP-SECRET-\(UUID().uuidString)"
    let secretPath = try FixturePaths.temporaryFile(
      "secret.txt", contents: secret, directory: directory)
    let document = """
      <?xml version="1.0"?>
      <!DOCTYPE PMML [<!ENTITY intercept SYSTEM "file://\(secretPath)">]>
      <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
        <Header>&intercept;</Header>
      </PMML>
      """
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(document, file: "xxe.pmml") }
    #expect(error?.kind == .insecure)
    #expect(error?.description.contains(secret) == false)
    #expect(error?.description.contains("DOCTYPE") == true)
    #expect(error?.line == 2)
  }

  @Test func refusesBillionLaughsQuickly() throws {
    var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      document +=
        "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    document += "]>\n<PMML version=\"4.4\"><Header>&lol9;</Header></PMML>"
    let clock = ContinuousClock()
    var error: ModelError?
    let elapsed = clock.measure {
      error = PMMLTesting.modelError { _ = try PMMLTesting.load(document, file: "lol.pmml") }
    }
    #expect(error?.kind == .insecure)
    #expect(elapsed < .seconds(1))
  }

  @Test func refusesAnyMarkupDeclarationInTheProlog() {
    let document = "<!-- a comment --><!ELEMENT PMML ANY><PMML/>"
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(document) }
    #expect(error?.kind == .insecure)
  }

  @Test func acceptsCommentsAndProcessingInstructionsBeforeTheRoot() throws {
    let document = "\u{FEFF}<!-- exported -->\n<?producer x?>\n" + Self.minimal
    _ = try PMMLTesting.load(
      document.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: ""))
  }

  @Test func truncatedDocumentNamesTheOpenElementAndLine() {
    let text = Self.minimal
    let cut = text.range(of: "<NumericPredictor")?.lowerBound ?? text.endIndex
    let truncated = String(text[..<cut]) + "<NumericPredictor name=\"x\""
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(truncated, file: "cut.pmml") }
    #expect(error?.kind == .malformed)
    #expect(error?.place == "/PMML/RegressionModel/RegressionTable")
    #expect(error?.line == 15)
    #expect(error?.description.contains("libxml2 error") == true)
  }

  @Test func mismatchedTagNamesTheElementAndLine() {
    let broken = Self.minimal.replacingOccurrences(
      of: "</RegressionTable>", with: "</RegressionTabel>")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(broken, file: "bad.pmml") }
    #expect(error?.kind == .malformed)
    #expect(error?.place == "/PMML/RegressionModel/RegressionTable")
    #expect(error?.line == 16)
    #expect(error?.description.contains("end tag does not match") == true)
  }

  @Test func trailingContentIsAnError() {
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(Self.minimal + "<Extra/>") }
    #expect(error?.kind == .malformed)
  }

  @Test func undeclaredEntityIsAnError() {
    let broken = Self.minimal.replacingOccurrences(of: "<Header/>", with: "<Header>&x;</Header>")
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load(broken) }
    #expect(error?.kind == .malformed)
    #expect(error?.place == "/PMML/Header")
    #expect(error?.message.contains("'&x;'") == true)
  }

  @Test func refusesDocumentsOverTheSizeLimit() throws {
    let bytes = Array(Self.minimal.utf8)
    let error = PMMLTesting.modelError {
      _ = try PMMLModelLoader.load(data: bytes, file: "big.pmml", sizeLimit: bytes.count - 1)
    }
    #expect(error?.kind == .insecure)
    #expect(error?.message.contains("size limit") == true)
    _ = try PMMLModelLoader.load(data: bytes, file: "ok.pmml", sizeLimit: bytes.count)
    let path = try FixturePaths.temporaryFile("big.pmml", contents: Self.minimal)
    let fileError = PMMLTesting.modelError {
      _ = try PMMLModelLoader.load(contentsOf: path, sizeLimit: 100)
    }
    #expect(fileError?.kind == .insecure)
    #expect(fileError?.file == path)
  }

  @Test func refusesUTF16Documents() {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<PMML/>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let error = PMMLTesting.modelError { _ = try PMMLModelLoader.load(data: bytes, file: "u16") }
    #expect(error?.kind == .unsupported)
  }

  @Test func reportsMissingFiles() {
    let error = PMMLTesting.modelError {
      _ = try PMMLModelLoader.load(contentsOf: "/nonexistent/model.pmml")
    }
    #expect(error?.kind == .fileNotFound)
  }

  @Test(arguments: ["3_2", "4_0", "4_1", "4_2", "4_3", "4_4"])
  func acceptsPMMLNamespaces(version: String) throws {
    let text = Self.minimal.replacingOccurrences(of: "PMML-4_4", with: "PMML-\(version)")
    _ = try PMMLTesting.load(text)
  }

  @Test func refusesUnknownNamespaces() {
    let future = Self.minimal.replacingOccurrences(of: "PMML-4_4", with: "PMML-5_0")
    #expect(PMMLTesting.modelError { _ = try PMMLTesting.load(future) }?.kind == .unsupported)
    let other = Self.minimal.replacingOccurrences(
      of: "http://www.dmg.org/PMML-4_4", with: "urn:example")
    #expect(PMMLTesting.modelError { _ = try PMMLTesting.load(other) }?.kind == .unknownFormat)
  }

  @Test func refusesNonPMMLRoots() {
    let error = PMMLTesting.modelError { _ = try PMMLTesting.load("<html><body/></html>") }
    #expect(error?.kind == .unknownFormat)
  }
}
