/// Recognises missing-value tokens in raw cell bytes, ignoring spaces around them.
struct MissingTokenMatcher {
  private let tokens: [[UInt8]]
  private let matchesEmpty: Bool
  /// Bit `k` is set when some token is `k` bytes long (for `k < 64`), so that most cells
  /// are rejected by their length alone.
  private let lengthMask: UInt64
  /// Whether some token is 64 bytes or longer, or starts or ends with a space.
  private let needsSlowPath: Bool

  init(_ tokens: Set<String>) {
    let trimmed = tokens.map { Array($0.utf8).trimmingSpaces() }
    matchesEmpty = trimmed.contains { $0.isEmpty }
    self.tokens = trimmed.filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
    var mask: UInt64 = 0
    for token in self.tokens where token.count < 64 { mask |= 1 << UInt64(token.count) }
    lengthMask = mask
    needsSlowPath = self.tokens.contains { $0.count >= 64 }
  }

  @inline(__always)
  func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    if count > 0 && count < 64 && !needsSlowPath && bytes[0] != 0x20
      && bytes[count - 1] != 0x20 && lengthMask & (1 << UInt64(count)) == 0
    {
      return false
    }
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
