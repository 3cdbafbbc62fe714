import FairMetrics
import FairTabular
import Testing
import _FairSupport

/// The joint counts behind the proxy screen: merged from any split of the rows in any order
/// they equal the counts of all rows, and the proxy measures read from them equal the
/// measures of all rows.
@Suite struct FeatureCountsTests {
  /// A grouping of 4,000 rows with a numeric feature (ties, missing values) and a
  /// categorical one, both associated with the grouping's attribute.
  static func data(seed: UInt64) throws -> (Dataset, SliceMembership) {
    var generator = SplitMix64(seed: seed)
    var groups: [Int32] = []
    var scores: [Double] = []
    var zones: [Int32] = []
    for _ in 0..<4_000 {
      let group = generator.nextInt(below: 3)
      let shift = group == 0 ? 0.3 : 0
      groups.append(Int32(group))
      scores.append(
        generator.nextInt(below: 25) == 0
          ? .nan : ((generator.nextDouble() + shift) * 100).rounded() / 100)
      zones.append(Int32(min(3, generator.nextInt(below: 4) + (group == 1 ? 1 : 0))))
    }
    let dataset = Dataset(columns: [
      .categorical(CategoricalColumn(name: "group", codes: groups, levels: ["a", "b", "c"])),
      .numeric(NumericColumn(name: "score", values: scores)),
      // Levels not in text order, so that the counts' label order is checked.
      .categorical(
        CategoricalColumn(name: "zone", codes: zones, levels: ["west", "north", "east", "south"])),
    ])
    let attribute = ProtectedAttribute(name: "group", source: .column("group"))
    let membership = try SliceMembership(
      grouping: Grouping(["group"]), attributes: [attribute], dataset: dataset, file: "data.csv")
    return (dataset, membership)
  }

  @Test(arguments: [1, 2, 7, 64])
  func mergedFromAnySplitEqualsOnePiece(_ parts: Int) throws {
    let (dataset, membership) = try Self.data(seed: 11)
    var generator = SplitMix64(seed: UInt64(parts))
    var cuts = Set([0, dataset.rowCount])
    while cuts.count < parts + 1 { cuts.insert(generator.nextInt(below: dataset.rowCount)) }
    let bounds = cuts.sorted()
    for name in ["score", "zone"] {
      let column = try #require(dataset.column(named: name))
      let whole = FeatureCounts(column, membership: membership)
      var pieces = (0..<parts).map {
        FeatureCounts(column, membership: membership, rows: bounds[$0]..<bounds[$0 + 1])
      }
      for index in pieces.indices.reversed() {
        pieces.swapAt(index, generator.nextInt(below: index + 1))
      }
      var merged = pieces[0]
      for piece in pieces.dropFirst() { merged.merge(piece) }
      #expect(merged == whole, "\(name)")
      let a = ProxyAssociation.measure(merged, sliceNames: membership.sliceNames)
      let b = ProxyAssociation.measure(column, membership: membership)
      #expect(a.association.bitPattern == b.association.bitPattern, "\(name)")
      #expect(a.nmi.bitPattern == b.nmi.bitPattern && a.auc.bitPattern == b.auc.bitPattern)
    }
  }

  @Test func decileCodesAreThoseOfPandasQcut() throws {
    // pandas.qcut([1, 2, ..., 20], 10, labels=False) = [0, 0, 1, 1, ..., 9, 9].
    let dataset = Dataset(columns: [
      .numeric(NumericColumn(name: "x", values: (1...20).map(Double.init))),
      .categorical(
        CategoricalColumn(name: "g", codes: Array(repeating: 0, count: 20), levels: ["a"])),
    ])
    let membership = try SliceMembership(
      grouping: Grouping(["g"]), attributes: [ProtectedAttribute(name: "g", source: .column("g"))],
      dataset: dataset, file: "x.csv")
    let counts = FeatureCounts(try #require(dataset.column(named: "x")), membership: membership)
    #expect(counts.decileCodes() == (0..<20).map { Int32($0 / 2) })
  }
}
