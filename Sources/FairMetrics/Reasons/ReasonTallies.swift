package import FairAttribution
package import FairModels
package import _FairSupport

/// The mergeable part of an audit's adverse-action reasons: counts of the reasons given to
/// the adverse decisions of a set of rows, and what the stability measurement and the
/// sensitivity's spreads take from those rows.
///
/// Every count adds across partitions; the rows the stability measure follows are drawn by
/// row id (``KeyedSample``), so the merge of the partitions' draws is the draw from all rows;
/// the spreads are exact sums. ``ReasonSummary`` computes the figures from the merged
/// tallies with the same code as from the tallies of one pass over all rows.
///
/// The backgrounds — the reference sample the reasons are measured against, then one
/// resampled background per stability replicate — must come from all rows for partitions'
/// tallies to merge: drawn beforehand from every partition (`fairgate evidence sample`) or,
/// in one pass, from the rows at hand (``dependsOnPartition``).
package struct ReasonTallies: Sendable, Equatable, Codable {
  /// How many adverse decisions give a reason citing a feature, by feature and code.
  package struct FeatureCode: Sendable, Hashable, Codable {
    package var feature: String
    package var code: String
    package var count: Int
  }

  /// How many adverse decisions of a slice give a code, and give it first.
  package struct CodeCount: Sendable, Hashable, Codable {
    package var code: String
    package var count: Int
    package var top: Int
  }

  /// One slice's adverse decisions and the codes they give, by code.
  package struct SliceCounts: Sendable, Hashable, Codable {
    package var adverse: Int
    package var codes: [CodeCount]
  }

  /// The counts behind the Regulation B checks (``ReasonChecks``).
  package struct Counts: Sendable, Equatable, Codable {
    /// Adverse decisions.
    package var adverse: Int
    /// Adverse decisions without a reason.
    package var withoutReason: Int
    /// Adverse decisions with more than four reasons.
    package var overFour: Int
    /// Index *k*: adverse decisions given *k* reasons.
    package var reasonCounts: [Int]
    /// Reason counts by feature and code, sorted by feature, then code.
    package var featureCodes: [FeatureCode]
    /// Adverse decisions of applicants aged 62 or older; `nil` when no age is known.
    package var elderlyAdverse: Int?
    /// Those of them that give an age reason; `nil` when no age is known.
    package var elderlyAgeReason: Int?

    /// Counts the reasons of `applicants`' adverse decisions.
    ///
    /// - Parameters:
    ///   - applicants: The applicants' reasons; favourable decisions are ignored.
    ///   - ages: Each data row's age, NaN when missing; `nil` when no age is known.
    ///   - ageFeatures: The features whose reasons are age reasons.
    ///   - rowOffset: The data row of the applicants' row 0.
    package init(
      applicants: [ApplicantReasons], ages: [Double]?, ageFeatures: Set<String>,
      rowOffset: Int = 0
    ) {
      adverse = 0
      withoutReason = 0
      overFour = 0
      reasonCounts = []
      elderlyAdverse = ages == nil ? nil : 0
      elderlyAgeReason = ages == nil ? nil : 0
      var byFeature: [String: [String: Int]] = [:]
      for applicant in applicants where applicant.isAdverse {
        adverse += 1
        let count = applicant.reasons.count
        if count == 0 { withoutReason += 1 }
        if count > ReasonChecks.helpfulReasonCount { overFour += 1 }
        while reasonCounts.count <= count { reasonCounts.append(0) }
        reasonCounts[count] += 1
        for reason in applicant.reasons {
          for feature in reason.features {
            byFeature[feature, default: [:]][reason.code, default: 0] += 1
          }
        }
        let row = applicant.row + rowOffset
        if let ages, row < ages.count, ages[row] >= ReasonChecks.elderlyAge {
          elderlyAdverse? += 1
          if applicant.reasons.contains(where: { !ageFeatures.isDisjoint(with: $0.features) }) {
            elderlyAgeReason? += 1
          }
        }
      }
      featureCodes = byFeature.flatMap { feature, codes in
        codes.map { FeatureCode(feature: feature, code: $0.key, count: $0.value) }
      }.sorted { ($0.feature, $0.code) < ($1.feature, $1.code) }
    }

    /// Adds the counts of other rows.
    mutating func add(_ other: Counts) {
      adverse += other.adverse
      withoutReason += other.withoutReason
      overFour += other.overFour
      for (count, decisions) in other.reasonCounts.enumerated() {
        while reasonCounts.count <= count { reasonCounts.append(0) }
        reasonCounts[count] += decisions
      }
      var byKey: [String: FeatureCode] = [:]
      for entry in featureCodes + other.featureCodes {
        byKey[
          entry.feature + "\u{0}" + entry.code,
          default: FeatureCode(feature: entry.feature, code: entry.code, count: 0)
        ].count += entry.count
      }
      featureCodes = byKey.values.sorted { ($0.feature, $0.code) < ($1.feature, $1.code) }
      if let theirs = other.elderlyAdverse { elderlyAdverse? += theirs }
      if let theirs = other.elderlyAgeReason { elderlyAgeReason? += theirs }
    }

    /// No decisions, with or without ages.
    static func zero(withAges: Bool) -> Counts {
      Counts(applicants: [], ages: withAges ? [] : nil, ageFeatures: [])
    }
  }

  /// The count, sum and sum of squares of a numeric input's present values.
  package struct Moments: Sendable, Equatable, Codable {
    package var count: Int
    package var sum: ExactSum
    package var squares: ExactSum

    /// The sample standard deviation, or `nil` with fewer than two values.
    package var standardDeviation: Double? {
      guard count > 1 else { return nil }
      let n = Double(count)
      let mean = sum.value / n
      return (max(0, squares.value / n - mean * mean) * n / (n - 1)).squareRoot()
    }
  }

  /// Where the reported reasons came from: `scorecard` or the attribution method's name.
  package var source: String
  /// The attribution method the reasons and their stability are derived with.
  package var method: String
  /// Why `auto` chose ``method``, if it did.
  package var methodNote: String?
  /// The counts behind the Regulation B checks.
  package var counts: Counts
  /// Per grouping, in configuration order: each slice's counts, codes sorted; `nil` for a
  /// probabilistic grouping (no table).
  package var groupings: [[SliceCounts]?]
  /// The reference background, then one resampled background per stability replicate.
  package var backgrounds: [KeyedSample]
  /// The adverse decisions the stability measure follows: the model inputs, then the row id's
  /// bit pattern, drawn by row id.
  package var followed: KeyedSample
  /// Per model input: the moments of a numeric input, `nil` otherwise.
  package var moments: [Moments?]
  /// Whether the backgrounds were drawn from these rows alone, so that the tallies of
  /// several partitions do not add up to those of all rows.
  package var dependsOnPartition: Bool

  /// Whether the reasons were derived (not ``underived(groupings:featureCount:hasAges:)``).
  package var isDerived: Bool { !source.isEmpty }

  /// The domain of the reference background's priorities ("reasonbg" in ASCII).
  package static let backgroundDomain: UInt64 = 0x7265_6173_6F6E_6267
  /// The domain of the followed rows' priorities ("followed" in ASCII).
  package static let followedDomain: UInt64 = 0x666F_6C6C_6F77_6564

  /// The backgrounds drawn from `population` (whose rows have the keys `keys`): the reference
  /// background of at most `size` rows with `seed`, then one of the same size per replicate
  /// seed.
  ///
  /// - Complexity: O(*r*·*n* log *k*) for *r* backgrounds of *k* rows from *n*.
  package static func drawBackgrounds(
    _ population: FeatureMatrix, keys: [UInt64], size: Int, seed: UInt64,
    replicates: Int
  ) -> [KeyedSample] {
    ([seed] + ReasonStability.replicateSeeds(seed: seed, count: replicates)).map {
      KeyedSample(population, keys: keys, size: size, seed: $0, domain: backgroundDomain)
    }
  }

  /// Tallies `applicants`, the reported reasons of `derivation`'s rows.
  ///
  /// - Parameters:
  ///   - derivation: The attribution reasons of the rows (followed by the stability measure).
  ///   - applicants: The reasons reported: the derivation's, or a scorecard's.
  ///   - source: Where the reported reasons came from.
  ///   - rowIDs: Each row's identifier.
  ///   - memberships: The groupings' slices, indexed by row.
  ///   - ages: Each row's age, NaN when missing; `nil` when no age is known.
  ///   - ageFeatures: The features whose reasons are age reasons.
  ///   - backgrounds: The reference background and the replicates' backgrounds.
  ///   - dependsOnPartition: Whether they were drawn from these rows alone.
  ///   - followSize: The most adverse decisions the stability measure follows.
  ///   - seed: The audit's seed.
  ///   - rowOffset: The data row (in `memberships` and `ages`) of the derivation's row 0.
  package init(
    derivation: ReasonDerivation, applicants: [ApplicantReasons], source: String,
    rowIDs: [UInt64], memberships: [SliceMembership], ages: [Double]?,
    ageFeatures: Set<String>, backgrounds: [KeyedSample], dependsOnPartition: Bool,
    followSize: Int = ReasonStability.defaultSampleSize, seed: UInt64, rowOffset: Int = 0
  ) {
    precondition(rowIDs.count == derivation.matrix.rowCount)
    self.source = source
    method = derivation.method.rawValue
    methodNote = derivation.methodNote
    counts = Counts(
      applicants: applicants, ages: ages, ageFeatures: ageFeatures, rowOffset: rowOffset)
    groupings = memberships.map {
      ReasonTallies.sliceCounts(applicants, membership: $0, rowOffset: rowOffset)
    }
    self.backgrounds = backgrounds
    self.dependsOnPartition = dependsOnPartition
    // The attribution reasons' adverse rows: the stability measure follows those.
    let adverseRows = derivation.applicants.filter(\.isAdverse).map(\.row)
    let width = derivation.matrix.featureCount
    var values: [Double] = []
    values.reserveCapacity(adverseRows.count * (width + 1))
    for row in adverseRows {
      values += derivation.matrix.values[(row * width)..<((row + 1) * width)]
      values.append(Double(bitPattern: rowIDs[row]))
    }
    followed = KeyedSample(
      FeatureMatrix(values: values, rowCount: adverseRows.count, featureCount: width + 1),
      keys: adverseRows.map { rowIDs[$0] }, size: followSize, seed: seed,
      domain: ReasonTallies.followedDomain)
    moments = derivation.model.features.indices.map { feature in
      guard case .numeric = derivation.model.features[feature].kind else { return nil }
      var moments = Moments(count: 0, sum: ExactSum(), squares: ExactSum())
      for row in 0..<derivation.matrix.rowCount {
        let value = derivation.matrix.values[row * width + feature]
        guard !value.isNaN else { continue }
        moments.count += 1
        moments.sum.add(value)
        moments.squares.add(value * value)
      }
      return moments
    }
  }
}

extension ReasonTallies {
  /// The reasons of `applicants`' adverse decisions counted in each slice of `membership`.
  ///
  /// Codes are sorted; rows of no slice are left out; a weighted membership gives `nil`.
  package static func sliceCounts(
    _ applicants: [ApplicantReasons], membership: SliceMembership, rowOffset: Int = 0
  ) -> [SliceCounts]? {
    guard !membership.isWeighted else { return nil }
    var slices = Array(repeating: [String: CodeCount](), count: membership.sliceNames.count)
    var adverse = Array(repeating: 0, count: membership.sliceNames.count)
    for applicant in applicants where applicant.isAdverse {
      let row = applicant.row + rowOffset
      guard row < membership.rowCount else { continue }
      let slice = membership.hardSlice(of: row)
      guard slice >= 0 else { continue }
      adverse[slice] += 1
      for code in Set(applicant.codes) {
        slices[slice][code, default: CodeCount(code: code, count: 0, top: 0)].count += 1
      }
      if let first = applicant.reasons.first?.code {
        slices[slice][first, default: CodeCount(code: first, count: 0, top: 0)].top += 1
      }
    }
    return zip(adverse, slices).map { adverse, codes in
      SliceCounts(adverse: adverse, codes: codes.values.sorted { $0.code < $1.code })
    }
  }

  /// Adds `other`'s tallies, of disjoint rows, to these; each grouping's slices move to the
  /// union's (`maps`: where these tallies' and `other`'s slices go among `sliceCounts`).
  ///
  /// Backgrounds drawn from one partition's rows do not merge: the result keeps no counts,
  /// and ``dependsOnPartition`` says why.
  ///
  /// - Returns: What differs, when the two were not derived alike.
  package mutating func merge(
    _ other: ReasonTallies, maps: [(mine: [Int], theirs: [Int])], sliceCounts: [Int]
  ) -> String? {
    guard groupings.count == other.groupings.count, groupings.count == maps.count,
      moments.count == other.moments.count, followed.size == other.followed.size,
      followed.featureCount == other.followed.featureCount,
      (counts.elderlyAdverse == nil) == (other.counts.elderlyAdverse == nil)
    else {
      return "its reasons were tallied for other inputs, groupings or ages"
    }
    if dependsOnPartition || other.dependsOnPartition {
      self = ReasonTallies.dropped(self)
      return nil
    }
    guard source == other.source, method == other.method, methodNote == other.methodNote else {
      return "its reasons were derived otherwise (\(other.source), \(other.method))"
    }
    guard backgrounds == other.backgrounds else {
      return "its reasons were derived against other backgrounds"
    }
    combine(other, maps: maps, sliceCounts: sliceCounts)
    return nil
  }

  /// Adds the tallies of the next rows of the same pass (same derivation and backgrounds,
  /// same slices).
  package mutating func add(_ other: ReasonTallies) {
    let maps = groupings.map { slices in
      let identity = Array(0..<(slices?.count ?? 0))
      return (mine: identity, theirs: identity)
    }
    combine(other, maps: maps, sliceCounts: groupings.map { $0?.count ?? 0 })
  }

  /// Adds `other`'s counts, slices moved by `maps`, draws and sums.
  private mutating func combine(
    _ other: ReasonTallies, maps: [(mine: [Int], theirs: [Int])], sliceCounts: [Int]
  ) {
    counts.add(other.counts)
    for grouping in groupings.indices {
      guard let mine = groupings[grouping], let theirs = other.groupings[grouping] else {
        groupings[grouping] = nil
        continue
      }
      var union = Array(
        repeating: SliceCounts(adverse: 0, codes: []), count: sliceCounts[grouping])
      for (part, map) in [(mine, maps[grouping].mine), (theirs, maps[grouping].theirs)] {
        for (slice, counts) in part.enumerated() where slice < map.count {
          union[map[slice]] = union[map[slice]].adding(counts)
        }
      }
      groupings[grouping] = union
    }
    followed = KeyedSample.merged([followed, other.followed])
    for feature in moments.indices {
      guard var mine = moments[feature], let theirs = other.moments[feature] else {
        moments[feature] = nil
        continue
      }
      mine.count += theirs.count
      mine.sum.add(theirs.sum)
      mine.squares.add(theirs.squares)
      moments[feature] = mine
    }
  }

  /// Tallies of rows whose reasons could not be derived (the error is noted beside them):
  /// no counts, marked as depending on the partition so that a merge drops every partition's.
  ///
  /// - Parameters:
  ///   - groupings: Whether each grouping has a distribution (not weighted).
  ///   - featureCount: The model's inputs.
  ///   - hasAges: Whether ages are known.
  package static func underived(groupings: [Bool], featureCount: Int, hasAges: Bool)
    -> ReasonTallies
  {
    ReasonTallies(
      source: "", method: "", methodNote: nil,
      counts: .zero(withAges: hasAges), groupings: groupings.map { $0 ? [] : nil },
      backgrounds: [],
      followed: KeyedSample(
        size: ReasonStability.defaultSampleSize, featureCount: featureCount + 1, priorities: [],
        values: []),
      moments: Array(repeating: nil, count: featureCount), dependsOnPartition: true)
  }

  private init(
    source: String, method: String, methodNote: String?, counts: Counts,
    groupings: [[SliceCounts]?], backgrounds: [KeyedSample], followed: KeyedSample,
    moments: [Moments?], dependsOnPartition: Bool
  ) {
    self.source = source
    self.method = method
    self.methodNote = methodNote
    self.counts = counts
    self.groupings = groupings
    self.backgrounds = backgrounds
    self.followed = followed
    self.moments = moments
    self.dependsOnPartition = dependsOnPartition
  }

  /// The tallies with their counts dropped, marked as depending on a partition: those of
  /// rows whose reasons were not derived, whichever partition's they were, so that a merge
  /// gives the same tallies in any order.
  private static func dropped(_ tallies: ReasonTallies) -> ReasonTallies {
    var result = underived(
      groupings: tallies.groupings.map { $0 != nil }, featureCount: tallies.moments.count,
      hasAges: tallies.counts.elderlyAdverse != nil)
    result.followed.size = tallies.followed.size
    return result
  }

  /// Why these tallies, as read from a file, cannot be used with `layouts`, if so. (Their
  /// width is checked against the model's inputs when the figures are computed.)
  package func inconsistency(layouts: [SliceLayout]) -> String? {
    let featureCount = moments.count
    let limit = 1 << 40
    let c = counts
    let all =
      [c.adverse, c.withoutReason, c.overFour, c.elderlyAdverse ?? 0, c.elderlyAgeReason ?? 0]
      + c.reasonCounts + c.featureCodes.map(\.count)
    guard all.allSatisfy({ (0...limit).contains($0) }) else {
      return "has a count that is negative or over 2^40"
    }
    guard c.withoutReason <= c.adverse, c.overFour <= c.adverse,
      (c.elderlyAgeReason ?? 0) <= (c.elderlyAdverse ?? 0), (c.elderlyAdverse ?? 0) <= c.adverse,
      c.featureCodes.allSatisfy({ $0.count <= c.adverse })
    else {
      return "has more decisions of a kind than adverse decisions"
    }
    guard (c.elderlyAdverse == nil) == (c.elderlyAgeReason == nil) else {
      return "has one of the two counts of elderly applicants without the other"
    }
    guard Self.total(c.featureCodes.map(\.count)) != nil else {
      return "has reason counts by feature that add up to more than 2^62"
    }
    // Every adverse decision gives some number of reasons, zero included.
    guard Self.total(c.reasonCounts) == c.adverse else {
      return "has \(c.adverse) adverse decisions but reason counts for "
        + "\(Self.total(c.reasonCounts).map(String.init) ?? "more than 2^62")"
    }
    guard groupings.count == layouts.count else {
      return "has \(groupings.count) groupings for \(layouts.count)"
    }
    for (grouping, slices) in groupings.enumerated() {
      // A weighted grouping has no distribution of reasons; every other grouping has one.
      guard (slices == nil) == layouts[grouping].isWeighted else {
        return slices == nil
          ? "has no distribution of reasons for grouping \(grouping), which is not weighted"
          : "has a distribution of reasons for grouping \(grouping), which is weighted"
      }
      guard let slices else { continue }
      guard (Self.total(slices.map(\.adverse)) ?? .max) <= c.adverse else {
        return "has more adverse decisions in the slices of grouping \(grouping) than in all"
      }
      guard
        slices.count == layouts[grouping].sliceNames.count
          || (dependsOnPartition && slices.isEmpty)
      else {
        return "has \(slices.count) slices in grouping \(grouping) for "
          + "\(layouts[grouping].sliceNames.count)"
      }
      for slice in slices {
        guard (0...limit).contains(slice.adverse),
          slice.codes.allSatisfy({
            (0...slice.adverse).contains($0.count) && (0...$0.count).contains($0.top)
          }),
          zip(slice.codes, slice.codes.dropFirst()).allSatisfy({ $0.code < $1.code })
        else {
          return "has slice counts out of range or codes out of order in grouping \(grouping)"
        }
      }
    }
    guard moments.count == featureCount,
      moments.allSatisfy({ ($0?.count ?? 0) >= 0 && ($0?.count ?? 0) <= limit })
    else {
      return "has moments of \(moments.count) inputs for \(featureCount)"
    }
    if let problem = followed.inconsistency { return "'followed' \(problem)" }
    guard followed.featureCount == featureCount + 1 else {
      return "'followed' has rows of \(followed.featureCount) values for \(featureCount + 1)"
    }
    for (index, background) in backgrounds.enumerated() {
      if let problem = background.inconsistency { return "'backgrounds[\(index)]' \(problem)" }
      guard background.featureCount == featureCount else {
        return
          "'backgrounds[\(index)]' has rows of \(background.featureCount) values for \(featureCount)"
      }
    }
    guard dependsOnPartition || !backgrounds.isEmpty else {
      return "has no reference background"
    }
    return nil
  }

  /// The sum of `counts`, or `nil` when one is negative or the sum passes 2^62.
  private static func total(_ counts: [Int]) -> Int? {
    counts.countTotal(atMost: 1 << 62)
  }
}

extension ReasonTallies.SliceCounts {
  /// The counts of a slice's rows in two disjoint parts.
  fileprivate func adding(_ other: Self) -> Self {
    var byCode = Dictionary(uniqueKeysWithValues: codes.map { ($0.code, $0) })
    for entry in other.codes {
      byCode[entry.code, default: ReasonTallies.CodeCount(code: entry.code, count: 0, top: 0)]
        .count += entry.count
      byCode[entry.code]?.top += entry.top
    }
    return Self(adverse: adverse + other.adverse, codes: byCode.values.sorted { $0.code < $1.code })
  }
}
