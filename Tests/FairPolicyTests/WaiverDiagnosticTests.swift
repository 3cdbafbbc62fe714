import FairPolicy
import Testing
import _FairSupport
import _FairTestSupport

/// Marker-text tests of waiver files.
@Suite struct WaiverDiagnosticTests {
  func diagnostics(_ marked: MarkedText) -> [Diagnostic] {
    do {
      _ = try Waiver.load(text: marked.text, file: "waivers.yaml")
      return []
    } catch let error as PolicyError {
      return error.diagnostics
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }

  @Test func readsAValidWaiver() throws {
    let waivers = try Waiver.load(
      text: """
        waivers:
          - rule: eeoc.impact-ratio
            subject: {grouping: age, slice: "65+"}
            reason: validated job requirement
            approver: J. Rivera
            expires: 2026-12-31
        """, file: "waivers.yaml")
    #expect(waivers.count == 1)
    #expect(waivers.first?.expires == CalendarDate(year: 2026, month: 12, day: 31))
    #expect(waivers.first?.subject == SubjectMatch(grouping: "age", slice: "65+"))
    #expect(waivers.first?.location?.line == 2)
  }

  @Test func requiresAnExpiryDate() {
    let marked = MarkedText(
      """
      waivers:
        - 1️⃣rule: eeoc.impact-ratio
          reason: r
          approver: a
      """)
    expect(
      diagnostics(marked), match: [Expected("1️⃣", "missing required key 'expires' in a waiver")],
      in: marked, file: "waivers.yaml")
  }

  @Test func rejectsAnImpossibleDate() {
    let marked = MarkedText(
      """
      waivers:
        - rule: eeoc.impact-ratio
          reason: r
          approver: a
          expires: 1️⃣2026-02-30
        - rule: eeoc.impact-ratio
          reason: r
          approver: a
          expires: 2️⃣2026-13-01
      """)
    expect(
      diagnostics(marked),
      match: [
        Expected("1️⃣", "'2026-02-30' is not a calendar date: February 2026 has 28 days"),
        Expected("2️⃣", "'2026-13-01' is not a calendar date: there is no month 13"),
      ], in: marked, file: "waivers.yaml")
  }

  @Test func rejectsADateInAnotherFormat() {
    let marked = MarkedText(
      """
      waivers:
        - rule: r
          reason: r
          approver: a
          expires: 1️⃣31/12/2026
          2️⃣expiry: soon
      """)
    expect(
      diagnostics(marked),
      match: [
        Expected("1️⃣", "expected a date written YYYY-MM-DD, found '31/12/2026'"),
        Expected("2️⃣", "unknown key 'expiry' in a waiver", notes: ["did you mean 'expires'?"]),
      ], in: marked, file: "waivers.yaml")
  }

  @Test func acceptsLeapDays() {
    #expect(CalendarDate("2028-02-29") != nil)
    #expect(CalendarDate("2100-02-29") == nil)
    #expect(CalendarDate("2000-02-29") != nil)
    #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
    #expect(CalendarDate(daysSinceEpoch: 20_454).description == "2026-01-01")
  }
}
