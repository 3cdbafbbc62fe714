/// Writes XHTML-compatible HTML (and inline SVG) in which every text and attribute value is
/// escaped by construction.
///
/// Why not a library: Plot 0.14.0 (the HTML library on the machine's package list) writes
/// attribute values without escaping them and passes `&name;` sequences in text through as
/// entities, so a category named `" onmouseover="…` or `&lt;script&gt;` would not come out
/// as the text it is. This writer is small and closed instead:
///
/// - element and attribute names are `StaticString`s, so data can never become markup;
/// - text and attribute values are always escaped (`& < > " '`), and characters XML cannot
///   hold become U+FFFD, so the page parses as XML too;
/// - elements are written through closures, so every element that opens also closes;
/// - the only unescaped content is ``trusted(_:)``, which takes a `StaticString`: the
///   report's own style sheet and script, fixed at compile time.
struct Markup {
  /// An attribute: a fixed name and a value from anywhere; `nil` values are left out.
  typealias Attribute = (name: StaticString, value: String?)

  /// The markup written so far.
  private(set) var text = ""

  /// Writes `<name attributes>`, the body, then `</name>`.
  mutating func element(
    _ name: StaticString, _ attributes: [Attribute] = [], _ body: (inout Markup) -> Void
  ) {
    open(name, attributes)
    body(&self)
    text += "</\(name)>"
  }

  /// Writes `<name attributes>text</name>` with `text` escaped.
  mutating func element(_ name: StaticString, _ attributes: [Attribute] = [], text: String) {
    open(name, attributes)
    self.text += Markup.escaped(text)
    self.text += "</\(name)>"
  }

  /// Writes an element without content as `<name attributes/>`: HTML void elements
  /// (`meta`, `br`) and SVG shapes.
  mutating func empty(_ name: StaticString, _ attributes: [Attribute] = []) {
    text += "<\(name)"
    writeAttributes(attributes)
    text += "/>"
  }

  /// Writes escaped text.
  mutating func text(_ value: String) {
    text += Markup.escaped(value)
  }

  /// Writes a line break in the source (not in the page), to keep the file readable.
  mutating func newline() {
    text += "\n"
  }

  /// Writes `source` unescaped: only the report's own constant style sheet and script.
  mutating func trusted(_ source: StaticString) {
    text += "\(source)"
  }

  private mutating func open(_ name: StaticString, _ attributes: [Attribute]) {
    text += "<\(name)"
    writeAttributes(attributes)
    text += ">"
  }

  private mutating func writeAttributes(_ attributes: [Attribute]) {
    for attribute in attributes {
      guard let value = attribute.value else { continue }
      text += " \(attribute.name)=\"\(Markup.escaped(value))\""
    }
  }

  /// `value` with `& < > " '` as character references and characters XML 1.0 cannot hold
  /// replaced by U+FFFD.
  static func escaped(_ value: String) -> String {
    let clean = XMLCharacters.sanitized(value)
    guard
      clean.utf8.contains(where: {
        $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
      })
    else { return clean }
    var result = ""
    result.reserveCapacity(clean.utf8.count + 16)
    for scalar in clean.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
