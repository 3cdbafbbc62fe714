public import Foundation

/// The one JSON configuration of every document FairGate writes.
///
/// Keys are sorted and written in snake case, output is indented, slashes are not escaped,
/// numbers use the shortest text that reads back as the same `Double`, and the values JSON
/// cannot hold are strings: NaN as `"nan"`, infinities as `"inf"` and `"-inf"`. Documents
/// therefore diff cleanly and are byte-identical for identical inputs.
public enum DocumentJSON {
  /// Encodes `document`, ending in a newline.
  ///
  /// - Throws: `EncodingError` when the document cannot be encoded.
  public static func encode(_ document: some Encodable) throws -> String {
    String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  /// Decodes a document written by ``encode(_:)``.
  ///
  /// - Throws: `DecodingError` when `data` is not such a document.
  public static func decode<Document: Decodable>(_ type: Document.Type, from data: Data) throws
    -> Document
  {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(type, from: data)
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }
}
