#if canImport(FoundationXML)
  import FoundationXML
#else
  import Foundation
#endif

/// Renders findings as JUnit XML, the test-report format CI systems display.
///
/// One `<testsuite>` per policy pack (in the order packs first appear among the findings)
/// and one `<testcase>` per finding: `classname` is the pack's identifier and `name` the
/// rule's identifier followed by the subject (`four-fifths race = Asian`). Verdicts map as
/// CI systems show them:
///
/// | verdict | severity | JUnit |
/// |---|---|---|
/// | fail | error | `<failure type="error">`: a failed test |
/// | fail | warning | `<failure type="warning">`: a failed test, as ESLint, Stylelint and checkstyle converters report warnings; CI systems ignore `type`, so warnings are seen |
/// | fail | info | a passing test whose `<system-out>` says `INFO` (information never blocks) |
/// | waived | any | a passing test with `<properties><property name="waiver" …/></properties>` and the waiver in `<system-out>` |
/// | insufficient-data | any | `<skipped message="…"/>` |
/// | pass | any | a passing test |
///
/// The `tests`, `failures`, `errors` (always 0: a rule that cannot be evaluated is an input
/// error, not a finding) and `skipped` attributes count the test cases; `time` is 0, since
/// rules are evaluated together. The document validates against `schemas/junit.xsd`: the
/// common Jenkins `junit-10.xsd` shape plus `<properties>` inside `<testcase>`, as pytest
/// and the Jenkins JUnit plugin write it.
public struct JUnitReportRenderer: ReportRenderer {
  /// Creates the renderer.
  public init() {}

  /// The format this renderer writes, ``ReportFormat/junit``.
  public var format: ReportFormat { .junit }

  /// Renders the JUnit XML document.
  ///
  /// - Complexity: O(*n*) for *n* findings.
  public func render(_ document: FindingsDocument, in context: RenderContext) -> String {
    var policyOrder: [String] = []
    var findingsByPolicy: [String: [FindingsDocument.Finding]] = [:]
    for finding in document.findings {
      if findingsByPolicy[finding.policy.id] == nil { policyOrder.append(finding.policy.id) }
      findingsByPolicy[finding.policy.id, default: []].append(finding)
    }
    let root = XMLElement(name: "testsuites")
    var totals = Counts()
    var suites: [XMLElement] = []
    for (index, policyID) in policyOrder.enumerated() {
      let findings = findingsByPolicy[policyID] ?? []
      let (suite, counts) = testSuite(
        policyID, findings: findings, index: index, document: document)
      suites.append(suite)
      totals.add(counts)
    }
    Self.setAttributes(
      root,
      [
        ("name", "\(document.tool.name) audit"),
        ("tests", String(totals.tests)),
        ("failures", String(totals.failures)),
        ("errors", "0"),
        ("time", "0"),
      ])
    for suite in suites { root.addChild(suite) }
    let xml = XMLDocument(rootElement: root)
    xml.version = "1.0"
    xml.characterEncoding = "UTF-8"
    var text = xml.xmlString(options: [.nodePrettyPrint])
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }

  private struct Counts {
    var tests = 0
    var failures = 0
    var skipped = 0

    mutating func add(_ other: Counts) {
      tests += other.tests
      failures += other.failures
      skipped += other.skipped
    }
  }

  private func testSuite(
    _ policyID: String, findings: [FindingsDocument.Finding], index: Int,
    document: FindingsDocument
  ) -> (XMLElement, Counts) {
    let suite = XMLElement(name: "testsuite")
    var counts = Counts()
    var cases: [XMLElement] = []
    for finding in findings {
      let (element, isFailure, isSkipped) = testCase(finding)
      counts.tests += 1
      if isFailure { counts.failures += 1 }
      if isSkipped { counts.skipped += 1 }
      cases.append(element)
    }
    Self.setAttributes(
      suite,
      [
        ("name", policyID),
        ("tests", String(counts.tests)),
        ("failures", String(counts.failures)),
        ("errors", "0"),
        ("skipped", String(counts.skipped)),
        ("time", "0"),
        ("timestamp", document.generatedAt),
        ("id", String(index)),
        ("package", document.tool.name),
      ])
    var properties: [(String, String)] = []
    if let first = findings.first {
      properties.append(("policy.title", first.policy.title))
      properties.append(("policy.version", first.policy.version))
    }
    if let file = document.provenance.policies.first(where: { $0.id == policyID }) {
      properties.append(("policy.path", file.path))
      properties.append(("policy.sha256", file.sha256))
    }
    properties.append(("as-of", document.asOf))
    suite.addChild(Self.properties(properties))
    for element in cases { suite.addChild(element) }
    return (suite, counts)
  }

  /// The test case of `finding`, and whether it is a failure or skipped.
  private func testCase(_ finding: FindingsDocument.Finding) -> (XMLElement, Bool, Bool) {
    let element = XMLElement(name: "testcase")
    Self.setAttributes(
      element,
      [
        ("name", "\(finding.rule.id) \(finding.subject.display)"),
        ("classname", finding.policy.id),
        ("time", "0"),
      ])
    let details = detailText(finding)
    switch finding.verdict {
    case .fail where finding.severity != .info:
      let failure = Self.element("failure", text: details)
      Self.setAttributes(
        failure, [("type", finding.severity.rawValue), ("message", finding.message)])
      element.addChild(failure)
      return (element, true, false)
    case .fail:
      element.addChild(Self.element("system-out", text: "INFO " + details))
    case .insufficientData:
      let skipped = XMLElement(name: "skipped")
      Self.setAttributes(skipped, [("message", "insufficient data: " + finding.message)])
      element.addChild(skipped)
      return (element, false, true)
    case .waived:
      if let waiver = finding.waiver {
        element.addChild(
          Self.properties([
            ("waiver", waiver.reason),
            ("waiver.approver", waiver.approver),
            ("waiver.expires", waiver.expires),
          ]))
      }
      element.addChild(Self.element("system-out", text: "WAIVED " + details))
    case .pass:
      break
    }
    return (element, false, false)
  }

  private func detailText(_ finding: FindingsDocument.Finding) -> String {
    var lines = [finding.message]
    if let qualifier = finding.qualifier { lines.append(qualifier) }
    lines.append(finding.evidenceLine)
    lines.append("Rule: \(finding.ruleIdentifier) (\(finding.rule.title))")
    if finding.citations.isEmpty { lines.append("Cite: no citation") }
    for citation in finding.citations {
      lines.append("Cite: \(citation.summary)")
      if let url = citation.url { lines.append("Source: \(url)") }
    }
    if let waiverText = finding.waiverText { lines.append("Waiver: \(waiverText)") }
    return lines.joined(separator: "\n")
  }

  private static func element(_ name: String, text: String) -> XMLElement {
    XMLElement(name: name, stringValue: XMLCharacters.sanitized(text))
  }

  private static func properties(_ pairs: [(String, String)]) -> XMLElement {
    let properties = XMLElement(name: "properties")
    for (name, value) in pairs {
      let property = XMLElement(name: "property")
      setAttributes(property, [("name", name), ("value", value)])
      properties.addChild(property)
    }
    return properties
  }

  /// Adds attributes in the given order (a dictionary would not keep it).
  private static func setAttributes(_ element: XMLElement, _ pairs: [(String, String)]) {
    for (name, value) in pairs {
      let attribute = XMLNode(kind: .attribute)
      attribute.name = name
      attribute.stringValue = XMLCharacters.sanitized(value)
      element.addAttribute(attribute)
    }
  }
}
