import FairReports
import Foundation
import Testing
import _FairTestSupport

@Suite struct FindingsDocumentCodingTests {
  @Test(arguments: SampleDocuments.names)
  func roundTripsThroughStrictDecoding(name: String) throws {
    let document = SampleDocuments.named(name)
    let json = try DocumentJSON.encode(document)
    let decoded = try FindingsDocument.decode(from: Data(json.utf8), file: "\(name).json")
    #expect(decoded == document)
    #expect(try DocumentJSON.encode(decoded) == json)
  }

  @Test func writesTheSchemaFirstAndSnakeCaseKeys() throws {
    let json = try DocumentJSON.encode(SampleDocuments.hiring)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "fairgate.findings/1")
    #expect(object["generated_at"] as? String == "2026-11-20T09:30:00Z")
    #expect(object["as_of"] as? String == "2026-11-20")
    #expect(json.contains("\"adjusted_p_value\""))
    #expect(json.contains("\"insufficient-data\""))
    #expect(!json.contains("\"model\" : null"))
  }

  @Test func missingSchemaIsAClearError() throws {
    let json = try jsonObject(SampleDocuments.minimal)
    var object = json
    object.removeValue(forKey: "schema")
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object), file: "old.json")
    }
    #expect(error?.kind == .missingSchema)
    #expect(
      error?.description
        == "old.json: error: schema: missing schema; expected 'fairgate.findings/1'")
  }

  @Test func otherSchemaIsAClearError() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    object["schema"] = "fairgate.explanation/1"
    object.removeValue(forKey: "findings")
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object), file: "x.json")
    }
    #expect(error?.kind == .unsupportedSchema)
    #expect(
      error?.description
        == "x.json: error: schema: unsupported schema 'fairgate.explanation/1';"
        + " expected 'fairgate.findings/1'")
  }

  @Test func plainJSONDecoderChecksTheSchemaToo() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    object["schema"] = "fairgate.findings/2"
    let error = #expect(throws: ReportError.self) {
      try DocumentJSON.decode(FindingsDocument.self, from: try data(object))
    }
    #expect(error?.kind == .unsupportedSchema)
  }

  @Test func unknownKeyFailsStrictDecodingWithItsPath() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    var findings = try #require(object["findings"] as? [[String: Any]])
    findings[0]["valu"] = 0.5
    object["findings"] = findings
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object), file: "f.json")
    }
    #expect(error?.kind == .unknownKey)
    #expect(error?.description == "f.json: error: findings[0].valu: unknown key")
    let lenient = try FindingsDocument.decode(from: try data(object), strict: false)
    #expect(lenient == SampleDocuments.minimal)
  }

  @Test func nullCountsAsAbsent() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    var provenance = try #require(object["provenance"] as? [String: Any])
    provenance["model"] = NSNull()
    object["provenance"] = provenance
    #expect(try FindingsDocument.decode(from: try data(object)) == SampleDocuments.minimal)
  }

  /// A schema-valid document that writes out the empty tables the writer leaves out reads
  /// as the same document.
  @Test func emptyTablesCountAsAbsent() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    var evidence = try #require(object["evidence"] as? [String: Any])
    evidence["losses"] = [Any]()
    evidence["loss_gaps"] = [Any]()
    evidence["unavailable"] = [Any]()
    object["evidence"] = evidence
    #expect(try FindingsDocument.decode(from: try data(object)) == SampleDocuments.minimal)
  }

  /// A document written before findings held every citation of their rule (one `citation`)
  /// and before the LL144 summary listed what the manifest left out still reads, strictly.
  @Test func documentsOfTheEarlierShapeStillRead() throws {
    var expected = SampleDocuments.hiring
    var object = try jsonObject(expected)
    var findings = try #require(object["findings"] as? [[String: Any]])
    for index in findings.indices {
      let citations = try #require(findings[index]["citations"] as? [Any])
      findings[index]["citation"] = citations.first
      findings[index]["citations"] = nil
      expected.findings[index].citations = Array(expected.findings[index].citations.prefix(1))
    }
    object["findings"] = findings
    var evidence = try #require(object["evidence"] as? [String: Any])
    var summary = try #require(evidence["ll144"] as? [String: Any])
    summary["missing"] = nil
    evidence["ll144"] = summary
    object["evidence"] = evidence
    expected.evidence.ll144?.missing = []
    #expect(try FindingsDocument.decode(from: try data(object)) == expected)
  }

  /// A finding may hold its citations one way: a second, single `citation` beside
  /// `citations` would be dropped, and a misspelt key inside an earlier document's
  /// `citation` too.
  @Test func aCitationBesideCitationsOrWithAnUnknownKeyIsRefused() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    var findings = try #require(object["findings"] as? [[String: Any]])
    let citation = try #require((findings[0]["citations"] as? [Any])?.first as? [String: Any])
    findings[0]["citation"] = citation
    object["findings"] = findings
    var error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object), file: "f.json")
    }
    #expect(error?.path == "findings[0].citation")
    var misspelt = citation
    misspelt["ulr"] = "https://example.org"
    findings[0]["citation"] = misspelt
    findings[0]["citations"] = nil
    object["findings"] = findings
    error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object), file: "f.json")
    }
    #expect(error?.path == "findings[0].citation.ulr")
  }

  @Test func mistypedValueNamesItsPath() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    var findings = try #require(object["findings"] as? [[String: Any]])
    findings[0]["group_size"] = "many"
    object["findings"] = findings
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object), file: "f.json")
    }
    #expect(error?.kind == .invalidDocument)
    #expect(error?.path == "findings[0].group_size")
    #expect(error?.message == "expected a whole number")
  }

  @Test func unknownVerdictIsAnError() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    var findings = try #require(object["findings"] as? [[String: Any]])
    findings[0]["verdict"] = "maybe"
    object["findings"] = findings
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: try data(object))
    }
    #expect(error?.path == "findings[0].verdict")
  }

  @Test func notJSONIsAnError() {
    let error = #expect(throws: ReportError.self) {
      try FindingsDocument.decode(from: Data("<html>".utf8), file: "report.html")
    }
    #expect(error?.kind == .invalidJSON)
  }

  @Test func missingEvidenceAndWaiversReadAsEmpty() throws {
    var object = try jsonObject(SampleDocuments.minimal)
    object.removeValue(forKey: "evidence")
    object.removeValue(forKey: "waivers")
    let document = try FindingsDocument.decode(from: try data(object))
    #expect(document.evidence == FindingsDocument.Evidence())
    #expect(document.waivers.isEmpty)
  }

  @Test func notANumberIsWrittenAsText() throws {
    var document = SampleDocuments.minimal
    document.findings[0].value = .nan
    document.findings[0].interval = .init(lower: -.infinity, upper: .infinity, level: 0.95)
    let json = try DocumentJSON.encode(document)
    #expect(json.contains("\"value\" : \"nan\""))
    #expect(json.contains("\"lower\" : \"-inf\""))
    let decoded = try FindingsDocument.decode(from: Data(json.utf8))
    #expect(decoded.findings[0].value?.isNaN == true)
    #expect(decoded.findings[0].interval?.upper == .infinity)
  }

  @Test func summaryCountsVerdictsAndJudgesTheGate() {
    let findings = SampleDocuments.hiringFindings
    let onError = FindingsDocument.Summary(findings: findings, failOn: .error)
    #expect(
      onError.verdicts
        == .init(pass: 4, fail: 5, waived: 1, insufficientData: 2))
    #expect(onError.failures == .init(error: 1, warning: 2, info: 2))
    #expect(onError.gate == .init(failOn: .error, failed: true, exitStatus: 1))
    let never = FindingsDocument.Summary(findings: findings, failOn: .never)
    #expect(never.gate == .init(failOn: .never, failed: false, exitStatus: 0))
    // Advisory failures never fail the gate, whatever their severity.
    let advisoryOnly = findings.filter { $0.advisory }
    #expect(!FindingsDocument.Summary(findings: advisoryOnly, failOn: .warning).gate.failed)
  }

  @Test(arguments: [
    (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"),
    (1_709_164_800, "2024-02-29T00:00:00Z"), (1_795_167_000, "2026-11-20T09:30:00Z"),
    (4_102_444_799, "2099-12-31T23:59:59Z"),
  ])
  func timestampIsISO8601UTC(seconds: Int64, expected: String) {
    #expect(RenderContext(generatedAt: seconds).generatedAtText == expected)
    #expect(RenderContext(generatedAt: seconds).generatedOnText == String(expected.prefix(10)))
  }

  @Test func sourceDateEpochWinsOverTheClock() throws {
    let context = try RenderContext(sourceDateEpoch: "1795167000", now: 42)
    #expect(context.generatedAtText == "2026-11-20T09:30:00Z")
    #expect(try RenderContext(sourceDateEpoch: nil, now: 42).generatedAt == 42)
    #expect(try RenderContext(sourceDateEpoch: "", now: 42).generatedAt == 42)
    let error = #expect(throws: ReportError.self) {
      try RenderContext(sourceDateEpoch: "yesterday", now: 42)
    }
    #expect(error?.kind == .invalidSourceDateEpoch)
    #expect(throws: ReportError.self) { try RenderContext(sourceDateEpoch: "-5", now: 42) }
  }

  private func jsonObject(_ document: FindingsDocument) throws -> [String: Any] {
    let json = try DocumentJSON.encode(document)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  private func data(_ object: [String: Any]) throws -> Data {
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  }
}
