import Testing
import _FairTestSupport

/// The marker-text helper itself.
@Suite struct MarkedTextTests {
  @Test func stripsMarkersAndRecordsLineAndColumn() {
    let marked = MarkedText("a: 1️⃣b\n  2️⃣c: é3️⃣d")
    #expect(marked.text == "a: b\n  c: éd")
    #expect(marked.location("1️⃣") == "1:4")
    #expect(marked.location("2️⃣") == "2:3")
    #expect(marked.location("3️⃣") == "2:7")
    #expect(marked.location("4️⃣") == "?")
  }
}
