/// Writes strings as YAML scalars for the starter manifest: plain when YAML reads them back
/// as the same string, double-quoted otherwise.
enum YAMLScalar {
  /// Plain scalars YAML would read as something other than a string.
  private static let reserved: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
  ]

  /// `text` as a YAML scalar.
  static func quoted(_ text: String) -> String {
    isPlainSafe(text) ? text : doubleQuoted(text)
  }

  /// `text` in double quotes, with `\`, `"` and control characters escaped.
  static func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A flow list of scalars: `[a, "b c"]`.
  static func flowList(_ items: [String]) -> String {
    "[" + items.map(quoted).joined(separator: ", ") + "]"
  }

  /// Whether `text` reads back as itself when written plain: a letter or `_` first, then
  /// letters, digits, `_`, `-`, `.` and `/`, and not a reserved word.
  private static func isPlainSafe(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first,
      first.properties.isAlphabetic || first == "_",
      !reserved.contains(text.lowercased())
    else { return false }
    return text.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        || ["_", "-", ".", "/"].contains($0)
    }
  }
}
