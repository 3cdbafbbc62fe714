import FairPolicy
import Foundation
import _FairSupport

extension AuditManifest {
  /// Reads and parses the manifest at `path`.
  ///
  /// Relative paths in the manifest are resolved against its folder.
  ///
  /// - Parameters:
  ///   - path: The manifest's path.
  ///   - shippedPolicyIDs: The ids of the shipped policy packs, to check pack ids against
  ///     (with "did you mean"); `nil` leaves them to the policy loader.
  ///   - rowsGivenElsewhere: Whether the rows come from another file (a partition of them),
  ///     so that the manifest's data file need not exist here.
  /// - Returns: The manifest; its ``warnings`` hold problems that do not stop the audit.
  /// - Throws: ``ManifestError`` with every problem found: an unreadable file, YAML syntax,
  ///   unknown keys, wrong types, values out of range, files that do not exist, waivers.
  public static func load(
    path: String, shippedPolicyIDs: [String]? = nil, rowsGivenElsewhere: Bool = false
  ) throws -> AuditManifest {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ManifestError(diagnostics: [Diagnostic(file: path, message: Message.cannotRead)])
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ManifestError(diagnostics: [Diagnostic(file: path, message: Message.notUTF8)])
    }
    var manifest = try parse(
      text: text, file: path, shippedPolicyIDs: shippedPolicyIDs,
      rowsGivenElsewhere: rowsGivenElsewhere)
    manifest.sourceSHA256 = FileDigest.sha256(of: data)
    return manifest
  }

  /// Parses a manifest given as text.
  ///
  /// - Parameters:
  ///   - text: The YAML text.
  ///   - file: The path shown in diagnostics; relative paths in the manifest are resolved
  ///     against its folder, and the files they name must exist.
  ///   - shippedPolicyIDs: The ids of the shipped policy packs, or `nil` to skip that check.
  ///   - rowsGivenElsewhere: Whether the rows come from another file, so that the data file
  ///     need not exist.
  /// - Returns: The manifest; its ``warnings`` hold problems that do not stop the audit.
  /// - Throws: ``ManifestError`` with every problem found.
  public static func parse(
    text: String, file: String, shippedPolicyIDs: [String]? = nil,
    rowsGivenElsewhere: Bool = false
  ) throws -> AuditManifest {
    var parser = ManifestParser(text: text, file: file, shippedPolicyIDs: shippedPolicyIDs)
    parser.rowsGivenElsewhere = rowsGivenElsewhere
    guard let manifest = parser.parse(), !parser.reader.hasErrors else {
      throw ManifestError(diagnostics: parser.reader.diagnostics)
    }
    return manifest
  }

  /// The texts of the loader's diagnostics.
  enum Message {
    /// The file does not exist or cannot be read.
    static let cannotRead = "cannot read the file"
    /// The file is not UTF-8.
    static let notUTF8 = "the file is not valid UTF-8 text"
  }
}
