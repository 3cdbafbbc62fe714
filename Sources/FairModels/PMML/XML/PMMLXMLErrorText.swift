/// Describes libxml2 error codes, which `XMLParser` on Linux reports without message text.
///
/// The wording follows libxml2's own messages for the errors a damaged PMML file produces.
enum PMMLXMLErrorText {
  private static let messages: [Int: String] = [
    3: "start tag expected, '<' not found",
    4: "the document is empty",
    5: "premature end of data, or extra content after the root element",
    9: "a character is outside the allowed range",
    23: "an entity reference lacks its ';'",
    26: "an entity is referenced but not declared",
    31: "the document's encoding is unknown",
    32: "the document's encoding is unsupported",
    33: "an attribute value is not quoted",
    34: "an attribute value is not closed",
    38: "an attribute value contains '<'",
    39: "an attribute has no value",
    40: "an attribute is not finished",
    41: "an attribute has no value",
    42: "an attribute is defined twice",
    45: "a comment is not finished",
    47: "a processing instruction is not finished",
    57: "the XML declaration is not finished",
    63: "a CDATA section is not finished",
    65: "a space is required",
    68: "a name is required",
    73: "'>' is required: couldn't find the end of a start tag",
    74: "'</' is required",
    75: "'=' is required after an attribute name",
    76: "an end tag does not match the open start tag",
    77: "premature end of data inside a tag",
    81: "the document is not valid in its declared encoding",
    85: "the document is not well balanced",
    86: "extra content after the root element",
    89: "an entity reference loop was detected",
    201: "a namespace prefix is not declared",
    203: "an attribute is defined twice (namespaced)",
  ]

  /// A lower-case description of libxml2 error `code`, with the code itself.
  static func describe(code: Int) -> String {
    let text = messages[code] ?? "XML error"
    return "\(text) (libxml2 error \(code))"
  }
}
