import Yams
import _FairSupport

extension YAMLReader {
  /// The text handed to Yams after the pre-scan, and whether parsing should go ahead.
  struct PreparedText {
    /// The text with tabs in indentation replaced by spaces (columns stay the same).
    var text: String
    /// Whether the text can be handed to Yams.
    var isUsable: Bool
  }

  /// Reports tabs in indentation and nesting too deep to parse safely.
  ///
  /// Each tab in a line's indentation is reported at its own column and replaced by one space,
  /// which keeps every later column where it was, so parsing goes on and finds further
  /// problems. A document nested deeper than ``maximumDepth`` is refused before Yams sees it.
  func prepareText() -> PreparedText {
    var output: [String] = []
    var flowDepth = 0
    var changed = false
    for (index, line) in lineTexts().enumerated() {
      var scalars = Array(line.unicodeScalars)
      var column = 0
      var reportedTab = false
      while column < scalars.count, scalars[column] == " " || scalars[column] == "\t" {
        if scalars[column] == "\t" {
          if !reportedTab {
            error(Message.tabInIndentation, at: SourcePosition(line: index + 1, column: column + 1))
            reportedTab = true
          }
          scalars[column] = " "
          changed = true
        }
        column += 1
      }
      var dashes = 0
      var cursor = column
      while cursor + 1 < scalars.count, scalars[cursor] == "-", scalars[cursor + 1] == " " {
        dashes += 1
        cursor += 2
        while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
      }
      var lineFlowPeak = flowDepth
      for scalar in scalars {
        if scalar == "[" || scalar == "{" {
          flowDepth += 1
          lineFlowPeak = max(lineFlowPeak, flowDepth)
        } else if scalar == "]" || scalar == "}" {
          flowDepth = max(0, flowDepth - 1)
        }
      }
      if column + dashes + lineFlowPeak > YAMLReader.maximumDepth {
        error(
          Message.tooDeep(YAMLReader.maximumDepth),
          at: SourcePosition(line: index + 1, column: 1))
        return PreparedText(text: text, isUsable: false)
      }
      output.append(String(String.UnicodeScalarView(scalars)))
    }
    return PreparedText(text: changed ? output.joined(separator: "\n") : text, isUsable: true)
  }

  /// The lines of the text, as the reader split them.
  func lineTexts() -> [String] {
    var result: [String] = []
    var number = 1
    while let line = sourceLine(number) {
      result.append(line)
      number += 1
    }
    return result
  }

  /// Records a Yams error as a located diagnostic.
  func recordSyntaxError(_ yamlError: YamlError, in parsedText: String) {
    switch yamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var notes: [Diagnostic.Note] = []
      if context?.text == "while scanning a block scalar",
        let line = sourceLine(context?.mark.line ?? mark.line), line.contains(": >")
      {
        notes.append(Diagnostic.Note(Message.quoteComparison))
      }
      if let context, context.mark.line != mark.line || context.mark.column != mark.column,
        context.mark.line >= 1
      {
        notes.append(
          Diagnostic.Note(
            context.text, line: context.mark.line, column: context.mark.column))
      }
      error(
        Message.syntax(
          problem, context: notes.contains { $0.line != nil } ? nil : context?.text),
        at: SourcePosition(line: max(1, mark.line), column: max(1, mark.column)), notes: notes)
    case .reader(let problem, let offset, _, _):
      error(
        Message.syntax(problem, context: nil),
        at: position(ofCharacterOffset: offset ?? 0, in: parsedText))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = SourcePosition(line: context.mark.line, column: context.mark.column)
      if let second = laterOccurrence(ofKey: key, after: first) {
        error(
          Message.duplicateKey(key), at: second,
          notes: [
            Diagnostic.Note(Message.firstAppears(key), line: first.line, column: first.column)
          ]
        )
      } else {
        error(Message.duplicateKey(key), at: first)
      }
    default:
      error(Message.syntax("\(yamlError)", context: nil), at: SourcePosition(line: 1, column: 1))
    }
  }

  /// The position of the `offset`-th character of `text`.
  func position(ofCharacterOffset offset: Int, in text: String) -> SourcePosition {
    var line = 1
    var column = 1
    var count = 0
    for character in text {
      if count == offset { break }
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
      count += 1
    }
    return SourcePosition(line: line, column: column)
  }

  /// Where a mapping repeats `key` after its first occurrence at `first`, if it can be found.
  func laterOccurrence(ofKey key: String, after first: SourcePosition) -> SourcePosition? {
    let keyScalars = Array(key.unicodeScalars)
    guard !keyScalars.isEmpty else { return nil }
    func isKey(at start: Int, in scalars: [UnicodeScalar]) -> Bool {
      guard start >= 0, start + keyScalars.count <= scalars.count,
        Array(scalars[start..<start + keyScalars.count]) == keyScalars
      else { return false }
      var cursor = start + keyScalars.count
      while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
      return cursor < scalars.count && scalars[cursor] == ":"
    }
    // The same line, for flow mappings: `{a: 1, a: 2}`.
    if let line = sourceLine(first.line) {
      let scalars = Array(line.unicodeScalars)
      var start = first.column + keyScalars.count
      while start < scalars.count {
        if scalars[start - 1] == " " || scalars[start - 1] == "," || scalars[start - 1] == "{",
          isKey(at: start, in: scalars)
        {
          return SourcePosition(line: first.line, column: start + 1)
        }
        start += 1
      }
    }
    // Later lines of a block mapping, at the same indentation.
    var number = first.line + 1
    while let line = sourceLine(number) {
      let scalars = Array(line.unicodeScalars)
      let indent = scalars.prefix { $0 == " " }.count
      let isBlankOrComment = indent == scalars.count || scalars[indent] == "#"
      if !isBlankOrComment {
        if indent < first.column - 1 { return nil }
        if indent == first.column - 1, isKey(at: indent, in: scalars) {
          return SourcePosition(line: number, column: first.column)
        }
      }
      number += 1
    }
    return nil
  }
}
