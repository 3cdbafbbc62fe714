import FairMetrics
import FairTabular
import Testing

@Suite struct SliceMembershipTests {
  static let dataset = Dataset(columns: [
    .categorical(
      CategoricalColumn(name: "sex", codes: [0, 1, 0, -1, 1, 2], levels: ["M", "F", "declined"])),
    .numeric(NumericColumn(name: "age", values: [22, 40, 70, 30, .nan, 17])),
    .numeric(NumericColumn(name: "p_a", values: [1, 0.25, 0.5, .nan, 0, 0.9])),
    .numeric(NumericColumn(name: "p_b", values: [0, 0.75, 0.5, .nan, 1, 0.1])),
  ])
  static let attributes = [
    ProtectedAttribute(name: "sex", source: .column("sex"), unknownValues: ["declined"]),
    ProtectedAttribute(
      name: "age", source: .bins(column: "age", edges: [18, 25, 62, .infinity], labels: nil)),
    ProtectedAttribute(
      name: "group",
      source: .probabilities([
        .init(group: "a", column: "p_a"), .init(group: "b", column: "p_b"),
      ])),
  ]

  @Test func labelsAreSortedAndUnknownValuesAreLeftOut() throws {
    let membership = try SliceMembership(
      grouping: Grouping(["sex"]), attributes: Self.attributes, dataset: Self.dataset,
      file: "x.csv")
    #expect(membership.sliceNames == ["F", "M"])
    #expect(membership.unknownRowCount == 2)
    #expect(!membership.isWeighted)
  }

  @Test func binsAreLeftClosedAndValuesOutsideAreUnknown() throws {
    let membership = try SliceMembership(
      grouping: Grouping(["age"]), attributes: Self.attributes, dataset: Self.dataset,
      file: "x.csv")
    #expect(membership.sliceNames == ["[18, 25)", "[25, 62)", "[62, ∞)"])
    #expect((0..<6).map(membership.hardSlice(of:)) == [0, 1, 2, 1, -1, -1])
  }

  @Test func intersectionsMultiplyProbabilisticMemberships() throws {
    let membership = try SliceMembership(
      grouping: Grouping(["sex", "group"]), attributes: Self.attributes, dataset: Self.dataset,
      file: "x.csv")
    #expect(membership.sliceNames == ["F × a", "F × b", "M × a", "M × b"])
    var row1: [String: Double] = [:]
    membership.forEachMembership(of: 1) { row1[membership.sliceNames[$0]] = $1 }
    #expect(row1 == ["F × a": 0.25, "F × b": 0.75])
    #expect(membership.isWeighted)
  }

  @Test func mostProbableAssignmentNeedsTheThreshold() throws {
    let membership = try SliceMembership(
      grouping: Grouping(["group"], assignsMostProbableGroup: true),
      attributes: Self.attributes, dataset: Self.dataset, file: "x.csv")
    #expect((0..<6).map(membership.hardSlice(of:)) == [0, -1, -1, -1, 1, 0])
  }

  @Test func probabilitiesMustSumToOne() {
    let bad = Dataset(columns: [
      .numeric(NumericColumn(name: "p_a", values: [0.5])),
      .numeric(NumericColumn(name: "p_b", values: [0.6])),
    ])
    #expect(throws: DataError.self) {
      try SliceMembership(
        grouping: Grouping(["group"]), attributes: Self.attributes, dataset: bad, file: "x.csv")
    }
  }
}
