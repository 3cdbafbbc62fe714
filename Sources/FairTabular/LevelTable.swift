/// Interns the distinct byte strings of a categorical column and hands out dense codes.
///
/// An open-addressing hash table over the raw bytes, so a repeated label costs a hash and a
/// byte comparison, with no `String` built. A `String` is built, after UTF-8 validation, only
/// the first time a label is seen.
struct LevelTable {
  private(set) var levels: [String] = []
  private var storage: [UInt8] = []
  private var offsets: [Int] = [0]
  private var hashes: [UInt64] = []
  private var slots = [Int32](repeating: -1, count: 64)

  /// The code of `bytes`, adding it as a new level if needed.
  ///
  /// - Returns: The code, or `nil` if the bytes are a new label that is not valid UTF-8.
  @inline(__always)
  mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    let hash = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let code = slots[slot]
      if code < 0 { break }
      if hashes[Int(code)] == hash && matches(Int(code), bytes) { return code }
      slot = (slot + 1) & mask
    }
    return insert(bytes, hash: hash, slot: slot)
  }

  private func matches(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[code]
    let length = offsets[code + 1] - start
    guard length == bytes.count else { return false }
    return storage.withUnsafeBufferPointer { stored in
      for index in 0..<length where stored[start + index] != bytes[index] { return false }
      return true
    }
  }

  @inline(never)
  private mutating func insert(
    _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int
  ) -> Int32? {
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    let code = Int32(levels.count)
    levels.append(text)
    storage.append(contentsOf: bytes)
    offsets.append(storage.count)
    hashes.append(hash)
    slots[slot] = code
    if levels.count * 2 > slots.count { rehash() }
    return code
  }

  private mutating func rehash() {
    var grown = [Int32](repeating: -1, count: slots.count * 2)
    let mask = grown.count - 1
    for code in 0..<levels.count {
      var slot = Int(truncatingIfNeeded: hashes[code]) & mask
      while grown[slot] >= 0 { slot = (slot + 1) & mask }
      grown[slot] = Int32(code)
    }
    slots = grown
  }

  /// FNV-1a, 64-bit.
  @inline(__always)
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash ^ (hash >> 29)
  }
}
