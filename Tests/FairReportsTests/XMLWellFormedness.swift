import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A strict XML well-formedness check.
///
/// `XMLDocument` on Linux recovers from some errors without throwing, so the check uses
/// the streaming `XMLParser`, which reports the first error.
enum XMLWellFormedness {
  /// The parser's error for `text`, or `nil` when it is well-formed XML.
  static func problem(in text: String) -> String? {
    let parser = XMLParser(data: Data(text.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    let finished = parser.parse()
    if let error = parser.parserError {
      return "line \(parser.lineNumber), column \(parser.columnNumber): \(error)"
    }
    return finished ? nil : "parsing stopped"
  }

  private final class Delegate: NSObject, XMLParserDelegate {}
}
