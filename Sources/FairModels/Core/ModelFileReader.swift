#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole model file into memory, reporting failures as `ModelError`s.
enum ModelFileReader {
  /// The bytes of the file at `path`, refusing a file over `sizeLimit` bytes.
  ///
  /// The size is checked before reading (from the file's metadata) and again while reading,
  /// so a file that grows, or a pipe, is never read past `sizeLimit + 1` bytes.
  ///
  /// - Parameters:
  ///   - path: The file; messages name it as given.
  ///   - sizeLimit: The largest file accepted, in bytes (``ModelLimits/fileSize``).
  /// - Throws: `ModelError` of kind `fileNotFound` or `unreadable`, or `unsupported` for a
  ///   file over `sizeLimit` bytes.
  /// - Complexity: O(*b*) for a file of *b* bytes.
  static func bytes(
    of path: String, sizeLimit: Int = ModelLimits.standard.fileSize
  ) throws(ModelError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw ModelError(.fileNotFound, file: path, message: "no such file") }
      throw ModelError(.unreadable, file: path, message: "cannot open the file: \(text(code))")
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, Int(status.st_size) > sizeLimit {
      throw tooLarge(path, limit: sizeLimit)
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress, raw.count)
      }
      if count == 0 { return bytes }
      if count < 0 {
        if errno == EINTR { continue }
        let code = errno
        let message =
          code == EISDIR
          ? "is a directory, not a model file" : "cannot read the file: \(text(code))"
        throw ModelError(.unreadable, file: path, message: message)
      }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > sizeLimit { throw tooLarge(path, limit: sizeLimit) }
    }
  }

  private static func tooLarge(_ path: String, limit: Int) -> ModelError {
    ModelError(.unsupported, file: path, message: ModelLimits.Message.fileTooLarge(limit: limit))
  }

  private static func text(_ code: Int32) -> String {
    guard let message = strerror(code) else { return "error \(code)" }
    return String(cString: message).lowercased()
  }
}
