import Foundation
import Testing
import _FairSupport

/// The shared helpers the policy, metrics and report layers lean on.
@Suite struct FairSupportTests {
  private static func fixed(_ value: Double) -> (Int) -> String {
    { String(format: "%.\($0)f", locale: nil, value) }
  }

  @Test(
    arguments: [
      // Below a bound at the usual precision: digits until the text stays below.
      (0.79996, [0.8], "0.79996"),
      (0.8000004, [0.8], "0.8000004"),
      (-0.10004, [-0.1], "-0.10004"),
      // A value equal to its bound reads equal; one clear of it keeps the usual digits.
      (0.8, [0.8], "0.8000"),
      (0.84321, [0.8], "0.8432"),
      // Every bound counts: the second of a range here.
      (1.250004, [0.8, 1.25], "1.250004"),
      // NaN bounds are ignored.
      (0.79996, [Double.nan], "0.8000"),
    ] as [(Double, [Double], String)])
  func sideKeepingRoundingKeepsTheValuesSide(value: Double, bounds: [Double], text: String) {
    #expect(
      SideKeepingRounding.text(value, beside: bounds, precisions: 4...17, format: Self.fixed(value))
        == text)
  }

  @Test func countTotalRefusesNegativeCountsAndOverflow() {
    #expect([1, 2, 3].countTotal() == 6)
    #expect([Int]().countTotal() == 0)
    #expect([1, -1].countTotal() == nil)
    #expect([Int.max, 1].countTotal() == nil)
    #expect([5, 5].countTotal(atMost: 9) == nil)
    #expect([5, 5].countTotal(atMost: 10) == 10)
  }

  @Test(
    arguments: [
      ("a/./b//c/../d", "a/b/d"),
      ("./policies/x.yaml", "policies/x.yaml"),
      ("../shared/x.csv", "../shared/x.csv"),
      ("a/../../x", "../x"),
      ("/work//main/./policies/", "/work/main/policies"),
    ])
  func pathTextNormalisesWithoutTheFileSystem(path: String, normalised: String) {
    #expect(PathText.normalised(path) == normalised)
  }

  @Test func pathTextMakesPathsAbsoluteAgainstTheCurrentFolder() {
    let current = FileManager.default.currentDirectoryPath
    #expect(PathText.absolute("x/../y.yaml") == PathText.normalised(current + "/y.yaml"))
    #expect(PathText.absolute("/a/b/../c") == "/a/c")
  }
}
