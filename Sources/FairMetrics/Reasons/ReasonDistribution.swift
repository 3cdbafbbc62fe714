/// Which principal reasons the adverse decisions of each slice receive (which reasons women
/// receive compared with men, say).
public struct ReasonDistribution: Sendable, Hashable, Codable {
  /// How often one code is a principal reason in a slice.
  public struct CodeCount: Sendable, Hashable, Codable {
    /// The code.
    public var code: String
    /// The adverse decisions of the slice giving the code among their principal reasons.
    public var count: Int
    /// `count` divided by the slice's adverse decisions.
    public var share: Double
    /// The adverse decisions of the slice whose first reason is the code.
    public var topCount: Int
  }

  /// One slice.
  public struct SliceReasons: Sendable, Hashable, Codable {
    /// The slice's name.
    public var slice: String
    /// The slice's adverse decisions.
    public var adverseCount: Int
    /// One entry per code given to anyone, in the order of ``ReasonDistribution/codes``.
    public var codes: [CodeCount]
  }

  /// The grouping's name.
  public var grouping: String
  /// The codes given to any adverse decision, most frequent overall first (ties by code).
  public var codes: [String]
  /// The slices, in the grouping's order.
  public var slices: [SliceReasons]

  /// Counts the reasons of `applicants` in each slice of `membership`.
  ///
  /// Rows with an unknown or weighted membership are left out (a probabilistic grouping gives
  /// no table).
  ///
  /// - Parameters:
  ///   - applicants: The applicants' reasons; favourable decisions are ignored.
  ///   - membership: The grouping's slices, indexed by data row.
  /// - Returns: The distribution, or `nil` for a weighted membership.
  /// - Complexity: O(*n*·*k*) for *n* applicants with *k* reasons.
  public init?(_ applicants: [ApplicantReasons], membership: SliceMembership) {
    guard let slices = ReasonTallies.sliceCounts(applicants, membership: membership) else {
      return nil
    }
    self.init(layout: membership.layout, slices: slices)
  }

  /// The distribution of counted reasons: `slices` holds one entry per slice of `layout`.
  package init(layout: SliceLayout, slices: [ReasonTallies.SliceCounts]) {
    var overall: [String: Int] = [:]
    for slice in slices {
      for code in slice.codes { overall[code.code, default: 0] += code.count }
    }
    grouping = layout.grouping.name
    codes = overall.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    let names = codes
    self.slices = zip(layout.sliceNames, slices).map { name, slice in
      let byCode = Dictionary(uniqueKeysWithValues: slice.codes.map { ($0.code, $0) })
      return SliceReasons(
        slice: name, adverseCount: slice.adverse,
        codes: names.map { code in
          let count = byCode[code]?.count ?? 0
          return CodeCount(
            code: code, count: count,
            share: slice.adverse == 0 ? .nan : Double(count) / Double(slice.adverse),
            topCount: byCode[code]?.top ?? 0)
        })
    }
  }
}
