import Foundation
import FoundationXML

/// Receives SAX events from `XMLParser` and builds a ``PMMLXMLDocument``.
///
/// The first error stops the parse: its libxml2 code, line and the path of open elements
/// are kept in ``problem``. The delegate lives only for the duration of one
/// `PMMLXMLReader.read` call, on one thread.
final class PMMLParserDelegate: NSObject, XMLParserDelegate {
  /// The first error reported by the parser.
  struct Problem {
    var message: String
    var line: Int
    var path: String
    var isInsecure: Bool
  }

  private struct OpenElement {
    var index: Int
    var lastChild: Int32
    var text: String
  }

  private(set) var document = PMMLXMLDocument()
  private(set) var problem: Problem?
  private var stack: [OpenElement] = []
  private var rootCount = 0

  /// Whether the root element was opened and closed.
  var isComplete: Bool { rootCount == 1 && stack.isEmpty }

  /// The path of the innermost open element, for messages; its positions count the
  /// siblings read so far.
  var openPath: String {
    guard let innermost = stack.last else { return "" }
    return document.path(of: PMMLElement(index: innermost.index))
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    guard problem == nil else { return }
    let index = document.elements.count
    let parent = stack.last?.index ?? -1
    if stack.isEmpty { rootCount += 1 }
    let start = document.attributeNames.count
    for (key, value) in attributeDict {
      document.attributeNames.append(Self.localName(key))
      document.attributeValues.append(value)
    }
    document.elements.append(
      PMMLXMLDocument.Element(
        name: elementName, namespace: namespaceURI ?? "",
        attributes: start..<document.attributeNames.count, text: "",
        line: Int32(clamping: parser.lineNumber), parent: Int32(parent), firstChild: -1,
        nextSibling: -1))
    if !stack.isEmpty {
      let last = stack.count - 1
      let previous = stack[last].lastChild
      if previous >= 0 {
        document.elements[Int(previous)].nextSibling = Int32(index)
      } else {
        document.elements[parent].firstChild = Int32(index)
      }
      stack[last].lastChild = Int32(index)
    }
    stack.append(OpenElement(index: index, lastChild: -1, text: ""))
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    guard problem == nil, let open = stack.popLast() else { return }
    if !open.text.isEmpty {
      document.elements[open.index].text = open.text.trimmingWhitespace()
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard problem == nil, !stack.isEmpty else { return }
    stack[stack.count - 1].text += string
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    guard problem == nil, !stack.isEmpty else { return }
    stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    let code = (parseError as NSError).code
    record(
      PMMLXMLErrorText.describe(code: code), parser: parser,
      isInsecure: code == XMLParser.ErrorCode.entityRefLoopError.rawValue)
  }

  func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
    record(
      PMMLXMLErrorText.describe(code: (validationError as NSError).code), parser: parser,
      isInsecure: false)
  }

  func parser(
    _ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?
  ) {
    record("the document declares an entity '\(name)'", parser: parser, isInsecure: true)
  }

  func parser(
    _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
    systemID: String?
  ) {
    record(
      "the document declares an external entity '\(name)'", parser: parser, isInsecure: true)
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?)
    -> Data?
  {
    // The prolog check admits no DTD, so every entity reference is to an undeclared entity;
    // swift-corelibs-foundation reports those here rather than as a parse error.
    record(
      "the document refers to entity '&\(name);', which is not declared", parser: parser,
      isInsecure: false)
    return nil
  }

  private func record(_ message: String, parser: XMLParser, isInsecure: Bool) {
    guard problem == nil else { return }
    var text = message
    if parser.columnNumber > 0 { text += " (column \(parser.columnNumber))" }
    problem = Problem(
      message: text, line: parser.lineNumber, path: stack.isEmpty ? "" : openPath,
      isInsecure: isInsecure)
    parser.abortParsing()
  }

  private static func localName(_ qualified: String) -> String {
    let bytes = qualified.utf8
    guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")) else { return qualified }
    return String(qualified[bytes.index(after: colon)...])
  }
}
