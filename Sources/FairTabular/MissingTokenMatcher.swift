/// Recognises missing-value tokens in raw cell bytes, ignoring spaces around them.
struct MissingTokenMatcher {
  private let tokens: [[UInt8]]
  private let matchesEmpty: Bool

  init(_ tokens: Set<String>) {
    let trimmed = tokens.map { Array($0.utf8).trimmingSpaces() }
    matchesEmpty = trimmed.contains { $0.isEmpty }
    self.tokens = trimmed.filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
  }

  @inline(__always)
  func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    var end = bytes.count
    while start < end && bytes[start] == 0x20 { start += 1 }
    while end > start && bytes[end - 1] == 0x20 { end -= 1 }
    let length = end - start
    if length == 0 { return matchesEmpty }
    for token in tokens where token.count == length {
      var equal = true
      for index in 0..<length where token[index] != bytes[start + index] {
        equal = false
        break
      }
      if equal { return true }
    }
    return false
  }
}

extension Array where Element == UInt8 {
  fileprivate func trimmingSpaces() -> [UInt8] {
    var slice = self[...]
    while slice.first == 0x20 { slice = slice.dropFirst() }
    while slice.last == 0x20 { slice = slice.dropLast() }
    return Array(slice)
  }
}
