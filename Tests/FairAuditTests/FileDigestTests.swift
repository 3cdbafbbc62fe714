import FairAudit
import FairTabular
import Foundation
import Testing
import _FairTestSupport

/// Tests of the streaming SHA-256 digest.
@Suite struct FileDigestTests {
  /// The FIPS 180-2 example: SHA-256("abc").
  @Test func digestsAKnownFile() throws {
    let path = FixturePaths.repositoryRoot() + "/Tests/FairAuditTests/Fixtures/abc.txt"
    let digest = try FileDigest(contentsOf: path)
    #expect(digest.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(digest.byteCount == 3)
  }

  /// SHA-256 of no bytes, from FIPS 180-4's test vectors.
  @Test func digestsAnEmptyFile() throws {
    let path = try FixturePaths.temporaryFile("empty.bin", bytes: [])
    #expect(
      try FileDigest(contentsOf: path).sha256
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  /// A file longer than one read chunk gives the digest of its whole content.
  @Test func digestsAcrossChunks() throws {
    let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let path = try FixturePaths.temporaryFile("big.bin", bytes: bytes)
    let digest = try FileDigest(contentsOf: path)
    #expect(digest.sha256 == FileDigest.sha256(of: bytes))
    #expect(digest.byteCount == bytes.count)
  }

  @Test func reportsAMissingFile() {
    let error = #expect(throws: DataError.self) {
      try FileDigest(contentsOf: "/nonexistent/model.json")
    }
    #expect(error?.kind == .fileNotFound)
    #expect(error?.description == "/nonexistent/model.json: error: no such file")
  }
}
