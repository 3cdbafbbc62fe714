import Foundation
import Testing
import _FairTestSupport

@testable import FairModels

/// Inputs on which the XML parser crashed the process, found by `Fuzz/` (see
/// `Fixtures/fuzz/README.md`): each must be refused with a located error instead.
@Suite struct PMMLFuzzRegressionTests {
  /// The folder of the regression inputs.
  private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz").path

  private static let cases: [(file: String, line: Int, message: String)] = [
    ("pmml-instruction-without-data.pmml", 1, "the processing instruction '<?g?>' has no data"),
    ("pmml-instruction-in-body.pmml", 3, "the processing instruction '<?keep?>' has no data"),
    ("pmml-utf7-declaration.pmml", 1, "the document declares the encoding 'UTF-7'"),
    ("pmml-ebcdic-declaration.pmml", 1, "the document declares the encoding 'EBCDIC-US'"),
  ]

  @Test(arguments: cases)
  func refusesInputThatCrashedTheParser(file: String, line: Int, message: String) {
    let path = Self.folder + "/" + file
    let error = PMMLTesting.modelError { _ = try PMMLModelLoader.load(contentsOf: path) }
    #expect(error?.kind == .unsupported)
    #expect(error?.line == line)
    #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "no error")")
    #expect(error?.file == path)
  }

  @Test func ignoresInstructionLikeTextInCommentsAndCDATA() throws {
    let document = PMMLTesting.document(
      fields: """
        <!-- <?not-an-instruction?> -->
        <DataField name="x" optype="continuous" dataType="double"/>
        <DataField name="y" optype="continuous" dataType="double"/>
        """,
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema>
            <MiningField name="x"/>
            <MiningField name="y" usageType="target"/>
          </MiningSchema>
          <Extension><![CDATA[<?still-text?>]]></Extension>
          <RegressionTable intercept="1"><NumericPredictor name="x" coefficient="2"/>
          </RegressionTable>
        </RegressionModel>
        """)
    let model = try PMMLTesting.load(document)
    #expect(model.features.map(\.name) == ["x"])
  }

  @Test(arguments: ["UTF-8", "utf-8", "US-ASCII", "ISO-8859-1"])
  func acceptsUTF8AndASCIIEncodingDeclarations(encoding: String) throws {
    let document = PMMLTesting.document(
      fields: "<DataField name=\"x\" optype=\"continuous\" dataType=\"double\"/>",
      model: """
        <RegressionModel functionName="regression">
          <MiningSchema><MiningField name="x"/></MiningSchema>
          <RegressionTable intercept="1"/>
        </RegressionModel>
        """
    ).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(encoding)\"")
    #expect(try PMMLTesting.load(document).features.map(\.name) == ["x"])
  }
}
