/// The result of one audit as a versioned document (`fairgate.findings/1`): what was audited,
/// how, every rule's verdict per subject, and the evidence tables the reports draw.
///
/// The audit pipeline fills one value of this type; every report format (JSON, text, JUnit
/// XML, Markdown, HTML) renders it, and `fairgate report` renders a saved one again. The
/// JSON form is documented by `schemas/findings-v1.schema.json`: keys are snake case and
/// sorted, and the values JSON cannot hold are strings (`"nan"`, `"inf"`, `"-inf"`), as
/// ``DocumentJSON`` writes every document.
///
/// Decoding checks ``schema`` before anything else, so a file of another kind or version
/// fails with one clear error instead of a list of missing keys; see
/// ``decode(from:file:strict:)``.
public struct FindingsDocument: Codable, Sendable, Equatable {
  /// The schema identifier written in every document of this version.
  public static let schemaVersion = "fairgate.findings/1"

  /// The schema identifier, ``schemaVersion``.
  public private(set) var schema = FindingsDocument.schemaVersion
  /// The tool that wrote the document.
  public var tool: Tool
  /// When the audit ran, as an ISO-8601 UTC timestamp (`2026-11-20T09:30:00Z`).
  ///
  /// It comes from the caller (``RenderContext/generatedAt``, which the command line takes
  /// from `SOURCE_DATE_EPOCH` when set), never from a clock read in library code, so the
  /// same inputs give byte-identical reports.
  public var generatedAt: String
  /// The date waivers are judged against, `YYYY-MM-DD`.
  public var asOf: String
  /// The files, hashes and settings the findings rest on.
  public var provenance: Provenance
  /// How decisions, attributions and tests were made.
  public var method: Method
  /// The protected attributes, groupings and rows audited.
  public var scope: Scope
  /// Counts of verdicts and the outcome of the release gate.
  public var summary: Summary
  /// Every rule's verdict per subject, in the order the rules engine produced them.
  public var findings: [Finding]
  /// Every waiver the audit manifest declares, with whether it applied.
  public var waivers: [Waiver]
  /// The tables the reports draw; any part may be empty.
  public var evidence: Evidence

  /// Creates a document.
  ///
  /// - Parameters:
  ///   - tool: The tool that wrote the document.
  ///   - generatedAt: The audit's ISO-8601 UTC timestamp, usually
  ///     ``RenderContext/generatedAtText``.
  ///   - asOf: The date waivers are judged against, `YYYY-MM-DD`.
  ///   - provenance: The files, hashes and settings.
  ///   - method: The decision rule, attribution settings and tests.
  ///   - scope: The protected attributes and groupings.
  ///   - summary: The verdict counts and the gate; ``Summary/init(findings:failOn:)``
  ///     computes it from `findings`.
  ///   - findings: The verdicts.
  ///   - waivers: The declared waivers.
  ///   - evidence: The evidence tables.
  public init(
    tool: Tool, generatedAt: String, asOf: String, provenance: Provenance, method: Method,
    scope: Scope, summary: Summary, findings: [Finding], waivers: [Waiver] = [],
    evidence: Evidence = Evidence()
  ) {
    self.tool = tool
    self.generatedAt = generatedAt
    self.asOf = asOf
    self.provenance = provenance
    self.method = method
    self.scope = scope
    self.summary = summary
    self.findings = findings
    self.waivers = waivers
    self.evidence = evidence
  }

  private enum CodingKeys: String, CodingKey {
    case schema, tool, generatedAt, asOf, provenance, method, scope, summary, findings
    case waivers, evidence
  }

  /// Decodes a document, checking its ``schema`` before any other key.
  ///
  /// - Throws: ``ReportError`` of kind ``ReportError/Kind/missingSchema`` or
  ///   ``ReportError/Kind/unsupportedSchema`` when the schema is absent or not
  ///   ``schemaVersion``; `DecodingError` when another key is missing or malformed.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let schema = try? container.decodeIfPresent(String.self, forKey: .schema)
    guard let schema else { throw ReportError.missingSchema(file: nil) }
    guard schema == FindingsDocument.schemaVersion else {
      throw ReportError.unsupportedSchema(schema, file: nil)
    }
    self.schema = schema
    tool = try container.decode(Tool.self, forKey: .tool)
    generatedAt = try container.decode(String.self, forKey: .generatedAt)
    asOf = try container.decode(String.self, forKey: .asOf)
    provenance = try container.decode(Provenance.self, forKey: .provenance)
    method = try container.decode(Method.self, forKey: .method)
    scope = try container.decode(Scope.self, forKey: .scope)
    summary = try container.decode(Summary.self, forKey: .summary)
    findings = try container.decode([Finding].self, forKey: .findings)
    waivers = try container.decodeIfPresent([Waiver].self, forKey: .waivers) ?? []
    evidence = try container.decodeIfPresent(Evidence.self, forKey: .evidence) ?? Evidence()
  }
}
