import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

/// Hostile and random inputs end in diagnostics, never a crash or a hang.
@Suite struct GarbageInputTests {
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func randomBytesGiveDiagnostics(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let count = 1 + generator.nextInt(below: 2000)
    var bytes: [UInt8] = []
    for _ in 0..<count { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
    let path = try FixturePaths.temporaryFile("garbage.yaml", bytes: bytes)
    #expect(throws: PolicyError.self) { try PolicyLoader().load(files: [path]) }
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(throws: PolicyError.self) { try PolicyLoader().load(text: text, file: "g.yaml") }
  }

  @Test(arguments: [
    String(repeating: "[", count: 100_000),
    String(repeating: "- ", count: 50_000) + "x",
    String(repeating: "a: &a [*a]\n", count: 3),
    "policy: p\n" + String(repeating: " ", count: 5000) + "x: 1",
    "\u{0}\u{1}\u{2}",
    "policy: [\"unterminated",
    "--- a\n--- b\n",
    "? [a, b]\n: c\n",
  ])
  func hostileTextGivesDiagnostics(text: String) {
    #expect(throws: PolicyError.self) { try PolicyLoader().load(text: text, file: "h.yaml") }
  }

  @Test func missingFileIsReported() {
    let error = #expect(throws: PolicyError.self) {
      try PolicyLoader().load(files: ["/nonexistent/policy.yaml"])
    }
    #expect(error?.diagnostics.first?.message == "cannot read the file")
  }

  @Test func invalidUTF8IsLocated() throws {
    let path = try FixturePaths.temporaryFile(
      "bad.yaml", bytes: Array("policy: p\ntitle: \u{e9}".utf8.dropLast()) + [0xFF, 0x41])
    let error = #expect(throws: PolicyError.self) { try PolicyLoader().load(files: [path]) }
    #expect(error?.diagnostics.first?.message == "the file is not valid UTF-8 text")
    #expect(error?.diagnostics.first?.line == 2)
  }
}
