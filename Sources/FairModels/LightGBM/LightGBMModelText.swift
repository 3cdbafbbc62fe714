/// A LightGBM text model cut into its sections (<doc:LightGBMText#Layout>): the header, the
/// `Tree=` blocks, the `parameters:` list and the `pandas_categorical:` trailer.
///
/// Only the layout is checked here; the values are read by ``LightGBMModelLoader`` and
/// ``LightGBMTreeReader``.
struct LightGBMModelText {
  /// The header's `key=value` lines.
  var header: LightGBMBlock
  /// Whether the header has the bare `average_output` line (random-forest mode).
  var averageOutput = false
  /// The tree blocks, in order.
  var trees: [LightGBMBlock] = []
  /// The training parameters (`[key: value]` lines) by key, with their lines.
  var parameters: [String: LightGBMBlock.Entry] = [:]
  /// The JSON after `pandas_categorical:`, with its line, if the file has one.
  var pandasCategorical: LightGBMBlock.Entry?
  /// The length in bytes of each tree block, from its `Tree=` line to the next `Tree=` line
  /// or `end of trees`: what the header's `tree_sizes` lists.
  var treeByteCounts: [Int] = []

  /// Cuts `text` into sections.
  ///
  /// - Throws: `ModelError`: `unknownFormat` when the first line is not `tree`;
  ///   `malformed` for a line that is not `key=value` inside a tree block, a `Tree=` index
  ///   out of sequence, or a file that ends before `end of trees` (a truncated file).
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - file: The file, for messages.
  ///   - treeLimit: The most `Tree=` blocks accepted (``ModelLimits/treeCount``); the
  ///     block past it is refused at its line.
  init(
    parsing text: String, file: String, treeLimit: Int = ModelLimits.standard.treeCount
  ) throws(ModelError) {
    header = LightGBMBlock(file: file, line: 1, tree: nil)
    // Split on bytes: splitting a String by Character is several times slower.
    let rawLines = text.utf8.split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let lines = rawLines.map { line in
      Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
    }
    var lineStarts: [Int] = []
    lineStarts.reserveCapacity(rawLines.count)
    var offset = 0
    for line in rawLines {
      lineStarts.append(offset)
      offset += line.count + 1
    }
    var treeStart = 0
    guard lines.first.map({ $0.trimmingSpaces == "tree" }) == true else {
      throw ModelError(
        .unknownFormat, file: file, line: 1,
        message: "not a LightGBM text model: the first line is not 'tree'")
    }
    guard lines.contains("end of trees") else {
      throw ModelError(
        .malformed, file: file, line: lines.count,
        message: "the file ends before 'end of trees' (is it truncated?)")
    }
    var current: LightGBMBlock?
    var section = Section.header
    for (offset, line) in lines.enumerated().dropFirst() {
      let number = offset + 1
      switch section {
      case .header, .trees:
        if line.hasPrefix("Tree=") {
          if let current {
            trees.append(current)
            treeByteCounts.append(lineStarts[offset] - treeStart)
          }
          treeStart = lineStarts[offset]
          guard let index = Int(line.dropFirst(5)), index == trees.count else {
            throw ModelError(
              .malformed, file: file, line: number,
              message: "expected 'Tree=\(trees.count)', found '\(line)'")
          }
          guard index < treeLimit else {
            throw ModelError(
              .unsupported, file: file, line: number,
              message: ModelLimits.Message.tooManyTrees(
                "more than \(treeLimit)", limit: treeLimit))
          }
          current = LightGBMBlock(file: file, line: number, tree: index)
          section = .trees
        } else if line == "end of trees" {
          if let current {
            trees.append(current)
            treeByteCounts.append(lineStarts[offset] - treeStart)
          }
          current = nil
          section = .trailer
        } else if line.trimmingSpaces.isEmpty {
          continue
        } else if section == .header {
          if line.trimmingSpaces == "average_output" {
            averageOutput = true
          } else if let equals = line.firstIndex(of: "=") {
            header.entries[String(line[..<equals])] = .init(
              line: number, value: line[line.index(after: equals)...])
          }
        } else if let equals = line.firstIndex(of: "="), current != nil {
          current?.entries[String(line[..<equals])] = .init(
            line: number, value: line[line.index(after: equals)...])
        } else {
          throw ModelError(
            .malformed, file: file, line: number, place: current.map { "tree \($0.tree ?? 0)" },
            message: "expected a 'key=value' line in a tree block, found '\(line)'")
        }
      case .trailer:
        readTrailer(line, number: number)
      }
    }
  }

  private enum Section {
    case header, trees, trailer
  }

  /// Reads one line after `end of trees`: a `[key: value]` parameter or the
  /// `pandas_categorical:` line.
  private mutating func readTrailer(_ line: Substring, number: Int) {
    if line.hasPrefix("pandas_categorical:") {
      pandasCategorical = .init(line: number, value: line.dropFirst("pandas_categorical:".count))
    } else if line.hasPrefix("["), line.hasSuffix("]"), let colon = line.firstIndex(of: ":") {
      let key = line[line.index(after: line.startIndex)..<colon]
      let value = line[line.index(after: colon)..<line.index(before: line.endIndex)]
      parameters[String(key)] = .init(line: number, value: Substring(value.trimmingSpaces))
    }
  }
}
