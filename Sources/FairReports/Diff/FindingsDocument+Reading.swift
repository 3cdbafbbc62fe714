import Foundation

extension FindingsDocument {
  /// Reads and strictly decodes the findings document at `path`.
  ///
  /// - Parameters:
  ///   - path: The file, as the user named it; error messages repeat it.
  ///   - strict: Whether keys the document type does not know are errors.
  /// - Returns: The document.
  /// - Throws: ``ReportError`` naming the file: no such file, a folder, unreadable, not
  ///   JSON, the wrong schema, or a missing, damaged or unknown key with its key path (see
  ///   ``decode(from:file:strict:)``).
  /// - Complexity: O(*n*) in the size of the file.
  public static func read(path: String, strict: Bool = true) throws -> FindingsDocument {
    try decode(from: contents(of: path), file: path, strict: strict)
  }

  /// The bytes of the file at `path`, with errors that name it.
  private static func contents(of path: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ReportError(.invalidDocument, file: path, message: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw ReportError(
        .invalidDocument, file: path, message: "is a folder, not a findings document")
    }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ReportError(
        .invalidDocument, file: path, message: "cannot read the file", underlying: error)
    }
  }
}
