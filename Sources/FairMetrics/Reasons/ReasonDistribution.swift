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
    guard !membership.isWeighted else { return nil }
    let sliceCount = membership.sliceNames.count
    var adverse = [Int](repeating: 0, count: sliceCount)
    var counts: [[String: Int]] = Array(repeating: [:], count: sliceCount)
    var tops: [[String: Int]] = Array(repeating: [:], count: sliceCount)
    var overall: [String: Int] = [:]
    for applicant in applicants where applicant.isAdverse && applicant.row < membership.rowCount {
      let slice = membership.hardSlice(of: applicant.row)
      guard slice >= 0 else { continue }
      adverse[slice] += 1
      for code in Set(applicant.codes) {
        counts[slice][code, default: 0] += 1
        overall[code, default: 0] += 1
      }
      if let first = applicant.reasons.first { tops[slice][first.code, default: 0] += 1 }
    }
    let ordered = overall.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    grouping = membership.grouping.name
    codes = ordered
    slices = (0..<sliceCount).map { index in
      SliceReasons(
        slice: membership.sliceNames[index], adverseCount: adverse[index],
        codes: ordered.map { code in
          let count = counts[index][code] ?? 0
          return CodeCount(
            code: code, count: count,
            share: adverse[index] == 0 ? .nan : Double(count) / Double(adverse[index]),
            topCount: tops[index][code] ?? 0)
        })
    }
  }
}
