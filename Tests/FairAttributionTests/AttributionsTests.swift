import FairAttribution
import FairModels
import Testing

@Suite struct AttributionsTests {
  static let sample = Attributions(
    values: [1, 2, 3, 4, 10, 20, 30, 40], rowCount: 2, baseValues: [0.5, 0.5],
    predictions: [10.5, 100.5], featureNames: ["age", "purpose=car", "income", "purpose=tv"],
    outputSpace: .margin)

  @Test func groupsTakeThePlaceOfTheirFirstMember() throws {
    let grouped = try Self.sample.grouped(by: [FeatureGroup(name: "purpose", members: [3, 1])])
    #expect(grouped.featureNames == ["age", "purpose", "income"])
    // Sums of small integers are exact.
    #expect(grouped.values == [1, 6, 3, 10, 60, 30])
    #expect(grouped.baseValues == Self.sample.baseValues)
    #expect(grouped.predictions == Self.sample.predictions)
    #expect(grouped.largestAdditivityGap == 0)
  }

  @Test func noGroupsKeepsEverything() throws {
    #expect(try Self.sample.grouped(by: []) == Self.sample)
  }

  static let invalidGroups: [(groups: [FeatureGroup], message: String)] = [
    (
      [FeatureGroup(name: "empty", members: [])],
      "error: feature group 'empty': the group has no members"
    ),
    (
      [FeatureGroup(name: "far", members: [4])],
      "error: feature group 'far': feature index 4 is out of range 0..<4"
    ),
    (
      [FeatureGroup(name: "a", members: [1]), FeatureGroup(name: "b", members: [1, 3])],
      "error: feature group 'b': feature 'purpose=car' is already in group 'a'"
    ),
    (
      [FeatureGroup(name: "age", members: [1, 3])],
      "error: feature group 'age': the name 'age' is used by more than one column"
    ),
  ]

  @Test(arguments: invalidGroups)
  func rejectsInvalidGroups(groups: [FeatureGroup], message: String) {
    let error = #expect(throws: AttributionError.self) { try Self.sample.grouped(by: groups) }
    #expect(error?.kind == .invalidGroup)
    #expect(error?.description == message)
  }

  @Test func rowAndSubscriptReadRowMajorValues() {
    #expect(Array(Self.sample.row(1)) == [10, 20, 30, 40])
    #expect(Self.sample[0, 2] == 3)
  }
}
