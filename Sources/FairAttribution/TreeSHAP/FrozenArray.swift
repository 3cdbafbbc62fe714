/// An immutable copy of an array in memory that hot loops read through a raw pointer.
///
/// Kernels take ``buffer`` once per call instead of nesting one `withUnsafeBufferPointer`
/// closure per array. The owner must stay alive while a buffer is in use; kernels run inside
/// `withExtendedLifetime` of the value that holds the frozen arrays.
final class FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
  // Safe to share across threads: the memory is written only in `init` and never mutated
  // afterwards; it is freed in `deinit`, when no reader can hold the object any more.
  private let storage: UnsafeMutableBufferPointer<Element>

  /// Copies `array`.
  init(_ array: [Element]) {
    storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
    _ = storage.initialize(from: array)
    count = array.count
  }

  /// Copies the arrays of `parts`, one after another.
  init(joining parts: [[Element]]) {
    let total = parts.reduce(0) { $0 + $1.count }
    storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, total))
    var next = 0
    for part in parts {
      _ = UnsafeMutableBufferPointer(rebasing: storage[next..<(next + part.count)])
        .initialize(from: part)
      next += part.count
    }
    count = total
  }

  deinit { storage.deallocate() }

  /// The number of elements.
  let count: Int

  /// The elements, valid while `self` is alive.
  var buffer: UnsafeBufferPointer<Element> {
    UnsafeBufferPointer(rebasing: UnsafeBufferPointer(storage)[0..<count])
  }
}
