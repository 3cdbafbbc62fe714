import Foundation
import Testing
import _FairSupport

/// The base64 form of replicate sums in partial evidence: Foundation's base64 of the same
/// little-endian bytes, read back exactly, and only in its canonical form.
@Suite struct Base64IntegersTests {
  @Test(arguments: [0, 1, 2, 3, 7, 1000])
  func agreesWithFoundationAndRoundTrips(count: Int) throws {
    var generator = SystemRandomNumberGenerator()
    var integers = (0..<count).map { _ in Int64.random(in: .min ... .max, using: &generator) }
    if count > 2 { integers[0] = .min; integers[1] = .max; integers[2] = 0 }
    let text = Base64Integers.encode(integers)
    var bytes = Data()
    for integer in integers {
      withUnsafeBytes(of: integer.littleEndian) { bytes.append(contentsOf: $0) }
    }
    #expect(text == bytes.base64EncodedString())
    #expect(Base64Integers.decode(text) == integers)
  }

  @Test(arguments: [
    "A", "AAAAAAAAAA=", "AAAA", "AAAAAAAAAAB=", "AAAAAAAAAA==", "AA*AAAAAAAA=", "=AAAAAAAAAA",
  ])
  func refusesWhatIsNotCanonicalBase64OfWholeIntegers(text: String) {
    #expect(Base64Integers.decode(text) == nil, "\(text)")
  }
}
