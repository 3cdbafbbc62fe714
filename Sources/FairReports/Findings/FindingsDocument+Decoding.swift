public import Foundation

extension FindingsDocument {
  private struct SchemaHeader: Decodable {
    var schema: String?
  }

  /// Reads a findings document from its JSON form.
  ///
  /// The schema identifier is checked first, so a file of another kind or version fails
  /// with one clear error. In strict mode a key the document type does not know is an
  /// error too (a misspelt key in a hand-edited or foreign document would otherwise be
  /// dropped without a word); `null` counts as absent, and so does an empty list or object
  /// under any key (`"losses": []`, which the writer leaves out), since it carries nothing
  /// to drop. A finding's single `citation`, as documents held before every citation of a
  /// rule was recorded, is read as its only citation.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - file: The file's path, for error messages.
  ///   - strict: Whether unknown keys are errors.
  /// - Returns: The document.
  /// - Throws: ``ReportError`` naming the file and the key path of the problem.
  /// - Complexity: O(*n*) in the size of `data`.
  public static func decode(from data: Data, file: String? = nil, strict: Bool = true) throws
    -> FindingsDocument
  {
    let header: SchemaHeader
    do {
      header = try DocumentJSON.decode(SchemaHeader.self, from: data)
    } catch {
      throw ReportError.invalidJSON(file: file, underlying: error)
    }
    guard let schema = header.schema else { throw ReportError.missingSchema(file: file) }
    guard schema == schemaVersion else { throw ReportError.unsupportedSchema(schema, file: file) }
    let document: FindingsDocument
    do {
      document = try DocumentJSON.decode(FindingsDocument.self, from: data)
    } catch let error as DecodingError {
      throw ReportError.invalidDocument(error, file: file)
    }
    if strict {
      let input = try JSONSerialization.jsonObject(with: data)
      let known = try JSONSerialization.jsonObject(
        with: Data(DocumentJSON.encode(document).utf8))
      if let path = unknownKeyPath(in: input, known: known, path: "") {
        throw ReportError.unknownKey(path, file: file)
      }
    }
    return document
  }

  /// The path of the first key of `input` (in sorted key order) that `known` lacks.
  private static func unknownKeyPath(in input: Any, known: Any, path: String) -> String? {
    if let object = input as? [String: Any], let knownObject = known as? [String: Any] {
      for key in object.keys.sorted() {
        guard let value = object[key], !(value is NSNull) else { continue }
        let keyPath = path.isEmpty ? key : path + "." + key
        guard let knownValue = knownObject[key] else {
          // An empty list or object carries nothing to lose, whatever its key.
          if (value as? [Any])?.isEmpty == true || (value as? [String: Any])?.isEmpty == true {
            continue
          }
          // A finding's single `citation` of earlier documents was read as its only
          // `citations` entry: its own keys are checked against that entry's.
          if key == "citation", object["citations"] == nil || object["citations"] is NSNull,
            let first = (knownObject["citations"] as? [Any])?.first
          {
            if let inner = unknownKeyPath(in: value, known: first, path: keyPath) {
              return inner
            }
            continue
          }
          return keyPath
        }
        if let inner = unknownKeyPath(in: value, known: knownValue, path: keyPath) {
          return inner
        }
      }
    } else if let array = input as? [Any], let knownArray = known as? [Any] {
      for (index, (value, knownValue)) in zip(array, knownArray).enumerated() {
        if let inner = unknownKeyPath(in: value, known: knownValue, path: path + "[\(index)]") {
          return inner
        }
      }
    }
    return nil
  }
}
