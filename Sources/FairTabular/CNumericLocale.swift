#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs code with the C library's numeric locale set to "C" on the current thread.
///
/// `strtod` reads the decimal separator from the thread's locale; a host program that
/// called `setlocale` for, say, German would make it stop at the '.' of "1.5". The reader
/// pins the "C" numeric locale for the duration of a read, on its own thread only, and puts
/// the previous one back.
enum CNumericLocale {
  /// The "C" numeric locale, created once.
  ///
  /// Safe to share: a `locale_t` is immutable after `newlocale` returns, and `uselocale`
  /// only reads it.
  nonisolated(unsafe) private static let locale = newlocale(1 << LC_NUMERIC, "C", nil)

  /// Runs `body` with the "C" numeric locale on this thread.
  static func run<Result>(_ body: () throws -> Result) rethrows -> Result {
    guard let locale else { return try body() }
    let previous = uselocale(locale)
    defer { uselocale(previous) }
    return try body()
  }
}
