import Foundation

/// Writes diagnostics to standard error, one message per call, ending in a newline.
enum StandardError {
  static func write(_ message: String) {
    let text = message.hasSuffix("\n") ? message : message + "\n"
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Writes `text` as it is, with no line end added (for a progress line).
  static func writeRaw(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Writes results to standard output through a buffer.
///
/// Large CSV outputs cost one system call per 64 KiB rather than one per line. A class, so the buffer is flushed when the last
/// reference goes away.
final class StandardOutput {
  private var buffer: [UInt8] = []

  init() { buffer.reserveCapacity(1 << 16) }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flush() }
}
