#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// libFuzzer's driver, from `libclang_rt.fuzzer_no_main` (linked by `Fuzz/build.sh`): runs
/// the fuzzer with the command line's options, calling `callback` once per input.
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The body of the running target (libFuzzer's callback is a C function and captures
/// nothing, so the body is kept here; the driver calls it on one thread).
nonisolated(unsafe) private var currentBody: ((UnsafeBufferPointer<UInt8>) -> Void)?

/// Runs libFuzzer with `body` as the target, passing it each input, and exits with
/// libFuzzer's status (non-zero on a crash, a timeout, a leak or an out-of-memory).
///
/// The body must not crash, hang or leak on any input: every error a reader throws is the
/// expected outcome for bad input and is ignored.
public func runFuzzer(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
  currentBody = body
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  let status = llvmFuzzerRunDriver(&argc, &argv) { data, size in
    guard let data else { return 0 }
    currentBody?(UnsafeBufferPointer(start: data, count: size))
    return 0
  }
  exit(status)
}

/// The file each input is written to, for readers that take a path: one per process, in
/// the temporary folder, rewritten for every input.
public let inputFile: String = {
  let folder = Environment.values["TMPDIR"] ?? "/tmp"
  return "\(folder)/fairgate-fuzz-\(getpid())"
}()

/// Writes `bytes` to ``inputFile`` (replacing it) and returns the path.
public func writeInput(_ bytes: UnsafeBufferPointer<UInt8>, suffix: String = "") -> String {
  let path = inputFile + suffix
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  precondition(descriptor >= 0, "cannot write the fuzz input to \(path)")
  if let base = bytes.baseAddress {
    var written = 0
    while written < bytes.count {
      let result = write(descriptor, base + written, bytes.count - written)
      precondition(result > 0, "cannot write the fuzz input to \(path)")
      written += result
    }
  }
  close(descriptor)
  return path
}

/// The process environment, read without Foundation, which the targets do not need.
public enum Environment {
  /// The variables, by name.
  public static let values: [String: String] = {
    var result: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      entry += 1
    }
    return result
  }()
}
