public import FairMetrics
public import Foundation
public import _FairSupport

/// The evidence of one partition of an audit's rows, or of several merged: the file format
/// `fairgate.partial-evidence/1` (<doc:PartialEvidenceFormat>).
///
/// `fairgate evidence partial` writes one per partition, `fairgate evidence merge` merges
/// them, and `fairgate audit --evidence` applies the policies to the result with no pass over
/// the data. The tallies (``EvidenceTallies``) merge exactly, so the merged evidence equals
/// the evidence of one pass over all rows, bit for bit, however the rows were split.
public struct PartialEvidence: Sendable, Equatable, Codable {
  /// The format's name and version.
  public static let formatName = "fairgate.partial-evidence/1"

  /// ``formatName``.
  public var format: String
  /// The tool and version that computed the evidence: partials of other versions do not
  /// merge.
  public var tool: String
  /// The partitions merged, by id.
  public var partitions: [Partition]
  /// The digests of the inputs every partition shares.
  public var inputs: Inputs
  /// What the data pass recorded that the reports show.
  public var run: RunRecord
  /// The tallies.
  public var evidence: EvidenceTallies

  /// One partition of the rows.
  public struct Partition: Sendable, Hashable, Codable {
    /// The partition's id, unique among those merged.
    public var id: String
    /// Its rows.
    public var rows: Int
    /// The SHA-256 of its data as read.
    public var dataSHA256: String
  }

  /// The inputs every partition must share: the manifest, the model and the policies.
  public struct Inputs: Sendable, Hashable, Codable {
    /// The manifest's SHA-256.
    public var manifestSHA256: String
    /// The model file's SHA-256, when the manifest names a model file (a scoring command's
    /// text is part of the manifest, which its digest pins).
    public var modelSHA256: String?
    /// Each policy's id, version and SHA-256: those the manifest applies, in its order, then
    /// those they extend.
    public var policies: [PolicyDigest]
    /// The reason-code table and attribution background the manifest declares, by role
    /// with their SHA-256; `nil` when it declares neither.
    public var supportingFiles: [SupportingDigest]? = nil
    /// The SHA-256 of the background sample drawn from all the rows beforehand
    /// (`fairgate evidence sample`), when the partition's attributions used one.
    public var sampleSHA256: String?
  }

  /// A policy as partial evidence records it.
  public struct PolicyDigest: Sendable, Hashable, Codable {
    /// The policy's id.
    public var id: String
    /// Its version.
    public var version: String
    /// The SHA-256 of its file.
    public var sha256: String
  }

  /// A file besides the model and policies that every partition must read alike.
  public struct SupportingDigest: Sendable, Hashable, Codable {
    /// What the file is for: `reason-code table`, `attribution background`.
    public var role: String
    /// The SHA-256 of its bytes.
    public var sha256: String
  }

  /// What the data pass records for the reports.
  public struct RunRecord: Sendable, Hashable, Codable {
    /// The model's summary, when a model scored the data.
    public var modelSummary: String?
    /// The model's input columns (empty without a model).
    public var modelInputs: [String]
    /// The attribution that ran, if any.
    public var attribution: AttributionRecord?
  }

  /// The attribution method that ran, why `auto` chose it, and its background rows.
  public struct AttributionRecord: Sendable, Hashable, Codable {
    /// The method.
    public var method: String
    /// Why `auto` chose it, if it did.
    public var reason: String?
    /// The background rows (0 for a method without a background).
    public var backgroundRows: Int
  }
}

extension PartialEvidence {
  /// The canonical bytes of the evidence.
  ///
  /// JSON with sorted keys (named as the Swift properties, so that feature names used as
  /// keys are kept as they are), every exact sum in its canonical components, numbers in
  /// their shortest round-trip form, and the values JSON cannot hold as the strings `"nan"`,
  /// `"inf"` and `"-inf"`. Equal evidence gives equal bytes.
  ///
  /// - Throws: What the encoder throws.
  public func encoded() throws -> Data {
    try EvidenceFile.encoded(self)
  }

  /// Reads partial evidence from `path`, checking its format and that its tallies are those
  /// of some rows.
  ///
  /// - Throws: ``PartialEvidenceError`` naming the file, and the place in it, when it cannot
  ///   be read, is not JSON, is of another format or version, or holds tallies that do not
  ///   fit together.
  public static func read(contentsOf path: String) throws -> PartialEvidence {
    let evidence = try EvidenceFile.read(
      PartialEvidence.self, contentsOf: path, format: formatName, kind: "partial evidence")
    if let problem = evidence.evidence.inconsistency {
      throw PartialEvidenceError(file: path, place: "'evidence'", message: problem)
    }
    guard !evidence.partitions.isEmpty,
      evidence.partitions.count == evidence.evidence.partitionCount,
      evidence.partitions.map(\.rows).countTotal() == evidence.evidence.rowCount
    else {
      throw PartialEvidenceError(
        file: path, place: "'partitions'",
        message: "do not add up to the evidence's partitions and rows")
    }
    return evidence
  }

  /// Writes the canonical bytes to `path` (standard output for `-`).
  ///
  /// - Throws: ``PartialEvidenceError`` when the file cannot be written.
  public func write(to path: String) throws {
    try EvidenceFile.write(try encoded(), to: path)
  }
}

/// Reading and writing the JSON files of audits run in pieces: partial evidence and
/// background samples.
enum EvidenceFile {
  /// The part of every such file that names its format.
  private struct Header: Decodable { var format: String? }

  /// The canonical bytes of `value`: JSON with sorted keys, numbers in their shortest
  /// round-trip form, the values JSON cannot hold as `"nan"`, `"inf"` and `"-inf"`, and a
  /// final line end.
  static func encoded(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
  }

  /// Reads the document of `format` at `path`.
  ///
  /// - Parameter kind: What the format holds, for messages ("partial evidence").
  /// - Throws: ``PartialEvidenceError`` naming the file, and the place in it, when it cannot
  ///   be read, is not JSON, is of another format or version, or does not decode.
  static func read<Document: Decodable>(
    _ type: Document.Type, contentsOf path: String, format: String, kind: String
  ) throws -> Document {
    // An empty file is refused before reading: FoundationEssentials reads a file of size 0
    // in chunks and leaks the first (found by fuzzing).
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    if size == 0 {
      throw PartialEvidenceError(file: path, message: "is empty; expected \(format)")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let exists = FileManager.default.fileExists(atPath: path)
      throw PartialEvidenceError(
        file: path, message: exists ? "cannot be read" : "no such file")
    }
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    // The format first, so that another kind of file gets a message about that.
    guard let header = try? decoder.decode(Header.self, from: data) else {
      throw PartialEvidenceError(file: path, message: "is not a JSON object")
    }
    guard header.format == format else {
      throw PartialEvidenceError(
        file: path, place: "'format'",
        message: header.format.map { "is '\($0)'; expected '\(format)'" }
          ?? "is missing; this is not \(kind) ('\(format)')")
    }
    do {
      return try decoder.decode(Document.self, from: data)
    } catch let error as DecodingError {
      throw PartialEvidenceError(decoding: error, file: path)
    } catch {
      throw PartialEvidenceError(file: path, message: "cannot be decoded: \(error)")
    }
  }

  /// The value of the `format` key of the JSON document at `path`, if it is one.
  static func format(ofFileAt path: String) -> String? {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)), !data.isEmpty else {
      return nil
    }
    return (try? JSONDecoder().decode(Header.self, from: data))?.format
  }

  /// Writes `bytes` to `path` (standard output for `-`).
  ///
  /// - Throws: ``PartialEvidenceError`` when the file cannot be written.
  static func write(_ bytes: Data, to path: String) throws {
    if path == "-" {
      FileHandle.standardOutput.write(bytes)
      return
    }
    do {
      try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw PartialEvidenceError(
        file: path, message: "cannot be written: \(error.localizedDescription)")
    }
  }
}

/// A problem with partial evidence: a file that is not partial evidence, or partials that do
/// not merge.
public struct PartialEvidenceError: DiagnosticError {
  /// The problems.
  public var diagnostics: [Diagnostic]

  /// A problem with one file.
  public init(file: String, place: String? = nil, message: String) {
    diagnostics = [Diagnostic(file: file, place: place, message: message)]
  }

  init(decoding error: DecodingError, file: String) {
    func path(_ codingPath: [any CodingKey]) -> String {
      var text = ""
      for key in codingPath {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text.isEmpty ? "the document" : "'\(text)'"
    }
    switch error {
    case .keyNotFound(let key, let context):
      self.init(
        file: file, place: path(context.codingPath), message: "lacks '\(key.stringValue)'")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      self.init(
        file: file, place: path(context.codingPath),
        message: "has a value of the wrong kind: \(context.debugDescription)")
    case .dataCorrupted(let context):
      self.init(
        file: file, place: path(context.codingPath),
        message: "is not valid: \(context.debugDescription)")
    @unknown default:
      self.init(file: file, message: "cannot be decoded: \(error)")
    }
  }

  /// Every diagnostic, rendered.
  public var description: String { renderedDiagnostics }
}
