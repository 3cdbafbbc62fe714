import Foundation
import FoundationXML

/// Reads PMML bytes into a ``PMMLXMLDocument`` without ever touching a file or the network.
///
/// The reader uses `XMLParser` (SAX) rather than `XMLDocument` for three reasons found by
/// experiment with swift-corelibs-foundation on Linux (libxml2 2.9):
///
/// - `XMLDocument(data:options:)` runs libxml2 in recovery mode: a truncated document loads
///   "successfully" with the missing end tags invented, and libxml2 prints the errors to
///   standard error, which library code must never do.
/// - `XMLParser` reports each error to its delegate with libxml2's line and column, and the
///   delegate knows the stack of open elements, so an error can name the element path
///   where the document broke.
/// - Building a flat arena from SAX events costs far less memory than a node object per
///   element for ensembles with hundreds of thousands of nodes.
///
/// Security rules, applied before libxml2 sees a byte:
///
/// 1. Documents larger than the size limit are refused.
/// 2. The prolog (everything before the root element) may contain only an XML declaration,
///    processing instructions, comments and white space. Any other markup declaration, in
///    particular `<!DOCTYPE`, is refused as insecure. Without a document type declaration
///    there can be no entity declarations, so external entities (XXE) and entity expansion
///    bombs ("billion laughs") are impossible; libxml2 rejects any reference to an undeclared
///    entity as an error.
/// 3. UTF-16 and UTF-32 documents are refused, because the prolog scan reads bytes.
/// 4. Entity declarations reported by the parser anyway abort the parse as insecure.
/// 5. Markup that crashes the parser (a processing instruction without data, an encoding
///    declaration other than UTF-8 or an ASCII subset) is refused (``PMMLMarkupScanner``).
///
/// Every libxml2 error is fatal, even when `XMLParser.parse()` returns `true` — on Linux it
/// does so for a truncated document, after reporting the error to the delegate.
enum PMMLXMLReader {
  /// Parses `bytes` into a document.
  ///
  /// - Parameters:
  ///   - bytes: The document.
  ///   - file: The path for messages.
  ///   - sizeLimit: The largest accepted document, in bytes.
  /// - Throws: `ModelError` with kind `insecure` (a DTD, an entity, an oversized document),
  ///   `unsupported` (a UTF-16 or UTF-32 document, an encoding declaration other than UTF-8
  ///   or an ASCII subset, a processing instruction without data) or `malformed` (any XML
  ///   error, with its line and the path of the innermost open element).
  static func read(_ bytes: [UInt8], file: String, sizeLimit: Int) throws -> PMMLXMLDocument {
    guard bytes.count <= sizeLimit else {
      throw ModelError(
        .insecure, file: file,
        message: "the document exceeds the size limit of \(sizeLimit) bytes")
    }
    try PMMLPrologScanner.check(bytes, file: file)
    try PMMLMarkupScanner.check(bytes, file: file)
    let delegate = PMMLParserDelegate()
    // A stream, not `XMLParser(data:)`: given all the data at once, libxml2's push parser
    // stops with an internal error ("huge input lookup", code 1) on documents over 10 MB.
    // From a stream, swift-corelibs-foundation feeds it in chunks.
    let parser = XMLParser(stream: InputStream(data: Data(bytes)))
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    let succeeded = parser.parse()
    if let problem = delegate.problem {
      throw ModelError(
        problem.isInsecure ? .insecure : .malformed, file: file, line: problem.line,
        place: problem.path.isEmpty ? nil : problem.path, message: problem.message)
    }
    guard succeeded else {
      let code = (parser.parserError as? NSError)?.code ?? 0
      throw ModelError(
        .malformed, file: file, line: parser.lineNumber,
        message: "the XML parser stopped: " + PMMLXMLErrorText.describe(code: code))
    }
    guard delegate.isComplete else {
      throw ModelError(
        .malformed, file: file, line: parser.lineNumber, place: delegate.openPath,
        message: "the document ends before its elements are closed")
    }
    return delegate.document
  }
}
