import _FairSupport

/// Finds a "did you mean" candidate for a misspelt name.
package enum Suggestion {
  /// The candidate nearest `word` by edit distance; failing that, the shortest candidate that
  /// contains it (for `equalized_odds` → `equalized_odds_difference`), or one that matches once
  /// British spellings (`-ise`, `-our`) are Americanised.
  package static func candidate(for word: String, among candidates: [String]) -> String? {
    if let match = closestMatch(to: word, among: candidates) { return match }
    let lowered = word.lowercased()
    if let swapped = candidates.first(where: { isOneTransposition(lowered, $0.lowercased()) }) {
      return swapped
    }
    if lowered.count >= 4 {
      let containing = candidates.filter { $0.lowercased().contains(lowered) }
      if let shortest = containing.min(by: { $0.count < $1.count }) { return shortest }
    }
    let americanised =
      lowered
      .replacingAll("ise", with: "ize").replacingAll("isa", with: "iza")
      .replacingAll("our", with: "or")
    if americanised != lowered {
      return candidate(for: americanised, among: candidates)
    }
    return nil
  }

  /// Whether `lhs` becomes `rhs` by swapping two adjacent characters (`sxe` and `sex`).
  static func isOneTransposition(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs)
    let right = Array(rhs)
    guard left.count == right.count, left.count >= 2 else { return false }
    let differences = left.indices.filter { left[$0] != right[$0] }
    guard differences.count == 2, differences[1] == differences[0] + 1 else { return false }
    return left[differences[0]] == right[differences[1]]
      && left[differences[1]] == right[differences[0]]
  }
}

extension String {
  /// The string with every occurrence of `target` replaced (without Foundation).
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

extension Substring {
  /// The range of the first occurrence of `target`, compared by Unicode scalars.
  fileprivate func range(of target: String) -> Range<Index>? {
    var start = startIndex
    while start < endIndex {
      if self[start...].hasPrefix(target) {
        return start..<(index(start, offsetBy: target.count))
      }
      start = index(after: start)
    }
    return nil
  }
}
