import FairReports
import Foundation
import Testing
import _FairTestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct JUnitRendererTests {
  static let schema = FixturePaths.repositoryRoot() + "/schemas/junit.xsd"

  @Test(.tags(.golden)) func rendersHiringAudit() {
    let xml = JUnitReportRenderer().render(SampleDocuments.hiring, in: SampleDocuments.context)
    expectMatchesGolden(xml, suite: "JUnitRendererTests", name: "rendersHiringAudit.xml")
  }

  @Test(.tags(.golden)) func rendersCreditAudit() {
    let xml = JUnitReportRenderer().render(SampleDocuments.credit, in: SampleDocuments.context)
    expectMatchesGolden(xml, suite: "JUnitRendererTests", name: "rendersCreditAudit.xml")
  }

  @Test func parsesBackWithCountsThatMatchTheCases() throws {
    let document = SampleDocuments.hiring
    let xml = JUnitReportRenderer().render(document, in: SampleDocuments.context)
    #expect(XMLWellFormedness.problem(in: xml) == nil)
    let parsed = try XMLDocument(data: Data(xml.utf8), options: [])
    let root = try #require(parsed.rootElement())
    #expect(root.name == "testsuites")
    #expect(root.attribute(forName: "tests")?.stringValue == String(document.findings.count))
    let suites = root.elements(forName: "testsuite")
    #expect(
      suites.map { $0.attribute(forName: "name")?.stringValue } == [
        "us-eeoc-ugesp", "us-nyc-ll144",
      ])
    var failures = 0
    for suite in suites {
      let cases = suite.elements(forName: "testcase")
      #expect(suite.attribute(forName: "tests")?.stringValue == String(cases.count))
      let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }.count
      let skipped = cases.filter { !$0.elements(forName: "skipped").isEmpty }.count
      #expect(suite.attribute(forName: "failures")?.stringValue == String(failed))
      #expect(suite.attribute(forName: "skipped")?.stringValue == String(skipped))
      #expect(suite.attribute(forName: "errors")?.stringValue == "0")
      for testCase in cases {
        #expect(
          testCase.attribute(forName: "classname")?.stringValue
            == suite.attribute(forName: "name")?.stringValue)
      }
      failures += failed
    }
    // Errors and warnings fail; info (advisory) failures pass with a note.
    #expect(failures == document.summary.failures.error + document.summary.failures.warning)
    #expect(root.attribute(forName: "failures")?.stringValue == String(failures))
  }

  @Test func mapsVerdictsToTheCommonConvention() throws {
    let xml = JUnitReportRenderer().render(SampleDocuments.hiring, in: SampleDocuments.context)
    let parsed = try XMLDocument(data: Data(xml.utf8), options: [])
    func testCase(_ name: String) throws -> XMLElement {
      let nodes = try parsed.nodes(forXPath: "//testcase[@name='\(name)']")
      return try #require(nodes.first as? XMLElement, "no test case '\(name)'")
    }
    let error = try testCase("four-fifths race = Native American or Alaska Native")
    #expect(
      error.elements(forName: "failure").first?.attribute(forName: "type")?.stringValue == "error")
    let warning = try testCase("practical-significance race = Black or African American")
    #expect(
      warning.elements(forName: "failure").first?.attribute(forName: "type")?.stringValue
        == "warning")
    let skipped = try testCase("four-fifths race = Native Hawaiian or Pacific Islander")
    #expect(
      skipped.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue
        == "insufficient data: 38 applicants are fewer than the minimum group size of 50.")
    let waived = try testCase("four-fifths sex × race = Female × Two or More Races")
    #expect(waived.elements(forName: "failure").isEmpty)
    let property = waived.elements(forName: "properties").first?.elements(forName: "property").first
    #expect(property?.attribute(forName: "name")?.stringValue == "waiver")
    #expect(
      property?.attribute(forName: "value")?.stringValue?.hasPrefix("Remediation plan") == true)
    let info = try testCase("impact-ratio-screen race = Native American or Alaska Native")
    #expect(info.elements(forName: "failure").isEmpty)
    #expect(info.elements(forName: "system-out").first?.stringValue?.hasPrefix("INFO ") == true)
  }

  @Test(
    .enabled(if: ExternalTool.hasXMLLint, "xmllint is not installed (apt package libxml2-utils)"))
  func validatesAgainstTheJUnitSchema() throws {
    for document in [SampleDocuments.hiring, SampleDocuments.credit, SampleDocuments.hostile] {
      let xml = JUnitReportRenderer().render(document, in: SampleDocuments.context)
      let path = try FixturePaths.temporaryFile("junit.xml", contents: xml)
      let result = try ExternalTool.run("xmllint", ["--noout", "--schema", Self.schema, path])
      #expect(result.status == 0, "\(result.output)")
    }
  }

  @Test func escapesHostileText() throws {
    let xml = JUnitReportRenderer().render(SampleDocuments.hostile, in: SampleDocuments.context)
    #expect(XMLWellFormedness.problem(in: xml) == nil)
    #expect(!xml.contains("<script>"))
    #expect(!xml.contains("\u{0}"))
    let parsed = try XMLDocument(data: Data(xml.utf8), options: [])
    let names = try parsed.nodes(forXPath: "//testcase/@name").compactMap(\.stringValue)
    #expect(names.contains("rule| x | race = \(SampleDocuments.script)"))
  }
}
