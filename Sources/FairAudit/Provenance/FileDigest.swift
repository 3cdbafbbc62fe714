import Crypto
import FairTabular
import Foundation

/// The SHA-256 digest of a file's bytes, for the provenance of an audit.
///
/// Findings record the digest of the model, the data, the manifest and each policy, so a
/// reader can check that a report was produced from exactly these files. The file is read in
/// fixed-size chunks, so memory use does not grow with its size.
///
/// ```swift
/// let digest = try FileDigest(contentsOf: "hiring.csv")
/// digest.sha256   // "9f86d081884c7d65…", 64 lower-case hex digits
/// ```
public struct FileDigest: Sendable, Hashable, Codable {
  /// The path of the file, as the caller gave it.
  public var path: String
  /// The SHA-256 digest as 64 lower-case hexadecimal digits.
  public var sha256: String
  /// The number of bytes read.
  public var byteCount: Int

  /// The size of one read, 1 MiB.
  static let chunkSize = 1 << 20

  /// Creates a digest record from known values.
  public init(path: String, sha256: String, byteCount: Int) {
    self.path = path
    self.sha256 = sha256
    self.byteCount = byteCount
  }

  /// Reads the file at `path` and computes its SHA-256 digest.
  ///
  /// - Parameter path: The file's path.
  /// - Throws: `DataError` of kind `fileNotFound` when there is no such file, or
  ///   `unreadable` (with the underlying error) when it cannot be read.
  /// - Complexity: O(*n*) for a file of *n* bytes, in constant memory.
  public init(contentsOf path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DataError(.fileNotFound, file: path, message: Message.noSuchFile)
    }
    guard !isDirectory.boolValue else {
      throw DataError(.unreadable, file: path, message: Message.isDirectory)
    }
    var hasher = SHA256()
    var count = 0
    do {
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      while let chunk = try handle.read(upToCount: FileDigest.chunkSize), !chunk.isEmpty {
        hasher.update(data: chunk)
        count += chunk.count
      }
    } catch {
      throw DataError(
        .unreadable, file: path, message: Message.unreadable, underlying: error)
    }
    self.init(path: path, sha256: FileDigest.hex(hasher.finalize()), byteCount: count)
  }

  /// The SHA-256 digest of `bytes` as 64 lower-case hexadecimal digits.
  ///
  /// - Complexity: O(*n*) for *n* bytes.
  public static func sha256(of bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return hex(hasher.finalize())
  }

  private static func hex(_ digest: SHA256.Digest) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

extension FileDigest {
  /// The texts of the digest's errors.
  enum Message {
    /// The file does not exist.
    static let noSuchFile = "no such file"
    /// The path names a folder.
    static let isDirectory = "expected a file, found a folder"
    /// Reading failed.
    static let unreadable = "cannot read the file"
  }
}
