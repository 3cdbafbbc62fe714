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
    // Codes are numbered as they first appear: one lookup per code and applicant, and the
    // counts are arrays.
    var number: [String: Int] = [:]
    var names: [String] = []
    var adverse = [Int](repeating: 0, count: sliceCount)
    var counts: [[Int]] = Array(repeating: [], count: sliceCount)
    var tops: [[Int]] = Array(repeating: [], count: sliceCount)
    var overall: [Int] = []
    var given: [Int] = []
    for applicant in applicants where applicant.isAdverse && applicant.row < membership.rowCount {
      let slice = membership.hardSlice(of: applicant.row)
      guard slice >= 0 else { continue }
      adverse[slice] += 1
      given.removeAll(keepingCapacity: true)
      for code in applicant.codes {
        let index: Int
        if let known = number[code] {
          index = known
        } else {
          index = names.count
          number[code] = index
          names.append(code)
          overall.append(0)
        }
        if !given.contains(index) { given.append(index) }
      }
      if counts[slice].count < names.count {
        counts[slice].append(contentsOf: repeatElement(0, count: names.count - counts[slice].count))
        tops[slice].append(contentsOf: repeatElement(0, count: names.count - tops[slice].count))
      }
      for index in given {
        counts[slice][index] += 1
        overall[index] += 1
      }
      if let first = applicant.reasons.first, let index = number[first.code] {
        tops[slice][index] += 1
      }
    }
    let ordered = names.indices.sorted {
      (overall[$1], names[$0]) < (overall[$0], names[$1])
    }
    grouping = membership.grouping.name
    codes = ordered.map { names[$0] }
    slices = (0..<sliceCount).map { slice in
      SliceReasons(
        slice: membership.sliceNames[slice], adverseCount: adverse[slice],
        codes: ordered.map { code in
          let count = code < counts[slice].count ? counts[slice][code] : 0
          return CodeCount(
            code: names[code], count: count,
            share: adverse[slice] == 0 ? .nan : Double(count) / Double(adverse[slice]),
            topCount: code < tops[slice].count ? tops[slice][code] : 0)
        })
    }
  }
}
