public import Foundation

extension FindingsDiff {
  private struct SchemaHeader: Decodable {
    var schema: String?
  }

  /// Reads a diff document from its JSON form, checking its schema first.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - file: The file's path, for error messages.
  /// - Returns: The diff.
  /// - Throws: ``ReportError`` naming the file and, where known, the key path.
  /// - Complexity: O(*n*) in the size of `data`.
  public static func decode(from data: Data, file: String? = nil) throws -> FindingsDiff {
    let header: SchemaHeader
    do {
      header = try DocumentJSON.decode(SchemaHeader.self, from: data)
    } catch {
      throw ReportError(
        .invalidJSON, file: file, message: "not a JSON object", underlying: error)
    }
    guard let schema = header.schema else {
      throw ReportError(
        .missingSchema, file: file, path: "schema",
        message: "missing schema; expected '\(schemaVersion)'")
    }
    guard schema == schemaVersion else {
      throw ReportError(
        .unsupportedSchema, file: file, path: "schema",
        message: "unsupported schema '\(schema)'; expected '\(schemaVersion)'")
    }
    do {
      return try DocumentJSON.decode(FindingsDiff.self, from: data)
    } catch let error as DecodingError {
      throw ReportError.invalidDocument(error, file: file)
    }
  }
}
