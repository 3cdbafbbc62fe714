/// Escaping of data for GitHub-flavoured Markdown.
enum MarkdownText {
  /// `text` as inline Markdown that renders as those characters: HTML metacharacters
  /// become entities, the punctuation that starts inline Markdown (emphasis, code, links,
  /// strike-through) is backslash-escaped, `|` cannot end a table cell, a zero-width space
  /// after `@` and `#` keeps GitHub from mentioning people or linking issues, line breaks
  /// become spaces, and texts longer than `limit` characters are cut with `…`.
  ///
  /// Callers never start a line with the result, so the punctuation that matters only
  /// there (`-`, `+`, `=`, digits before `.`) stays as it is.
  static func escaped(_ text: String, limit: Int = 160) -> String {
    var source = XMLCharacters.sanitized(text)
    if source.count > limit { source = String(source.prefix(limit - 1)) + "…" }
    var result = ""
    result.reserveCapacity(source.utf8.count)
    for character in source {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "@", "#":
        result.append(character)
        result.append("\u{200B}")
      case "\\", "`", "*", "_", "[", "]", "|", "~":
        result.append("\\")
        result.append(character)
      case "\n", "\r", "\r\n", "\t": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  /// A link to `url` labelled `label` when the URL is a plain `https` or `http` address;
  /// otherwise the escaped label alone.
  static func link(_ label: String, url: String?) -> String {
    let text = escaped(label)
    guard let url, url.hasPrefix("https://") || url.hasPrefix("http://"),
      url.count <= 300,
      url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
    else { return text }
    var encoded = ""
    for character in url {
      switch character {
      case "(": encoded += "%28"
      case ")": encoded += "%29"
      case "<": encoded += "%3C"
      case ">": encoded += "%3E"
      case "\"": encoded += "%22"
      case "|": encoded += "%7C"
      case "\\": encoded += "%5C"
      case "`": encoded += "%60"
      default: encoded.append(character)
      }
    }
    return "[\(text)](\(encoded))"
  }
}
