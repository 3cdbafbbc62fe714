import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the terminal can show.
enum Terminal {
  /// Whether standard output is a terminal and `NO_COLOR` is unset: colour is then welcome.
  static var standardOutputHasColour: Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  /// Whether standard error is a terminal (a live progress line), or a log (quiet lines).
  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
