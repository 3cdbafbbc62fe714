import FairReports

/// Hand-built findings documents that stand in for the audit pipeline's output.
///
/// They are realistic rather than computed: the counts follow the shapes of the DCWP worked
/// examples (6 RCNY § 5-301) and of the German credit data, and every derived rate and
/// ratio is computed from the counts here, so the documents are internally consistent.
enum SampleDocuments {
  typealias Document = FindingsDocument
  typealias Finding = FindingsDocument.Finding

  /// The names of the samples that parameterised tests run over.
  static let names = ["hiring", "credit", "minimal", "hostile", "loss"]

  /// The sample called `name` (see ``names``).
  static func named(_ name: String) -> FindingsDocument {
    switch name {
    case "hiring": hiring
    case "credit": credit
    case "hostile": hostile
    case "loss": loss
    default: minimal
    }
  }

  /// A fixed audit time: 2026-11-20T09:30:00Z.
  static let context = RenderContext(generatedAt: 1_795_167_000)

  /// A SHA-256 digest that reads as one: 64 hexadecimal digits derived from `seed`.
  static func digest(_ seed: String) -> String {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in seed.utf8 {
      state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    var text = ""
    for _ in 0..<4 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let hex = String(state, radix: 16)
      text += String(repeating: "0", count: 16 - hex.count) + hex
    }
    return text
  }

  /// A 95% interval.
  static func interval(_ lower: Double, _ upper: Double) -> FindingsDocument.Interval {
    FindingsDocument.Interval(lower: lower, upper: upper, level: 0.95)
  }

  /// Selection counts of one slice.
  struct Counts {
    var slice: String
    var applicants: Int
    var selected: Int

    var rate: Double { Double(selected) / Double(applicants) }
  }

  /// The slices of a grouping with rates, impact ratios (to the highest rate) and the
  /// ratio to `reference`.
  static func slices(
    _ counts: [Counts], reference: String, total: Int, excluded: Set<String> = [],
    extra: (String, inout FindingsDocument.SliceEvidence) -> Void = { _, _ in }
  ) -> [FindingsDocument.SliceEvidence] {
    let included = counts.filter { !excluded.contains($0.slice) }
    let highest = included.map(\.rate).max() ?? 1
    let referenceRate = counts.first { $0.slice == reference }?.rate ?? highest
    return counts.map { count in
      let isExcluded = excluded.contains(count.slice)
      var slice = FindingsDocument.SliceEvidence(
        slice: count.slice, count: count.applicants,
        share: Double(count.applicants) / Double(total), excluded: isExcluded,
        excludedReason: isExcluded
          ? "under 2% of the audit data; excluded from impact ratios (6 RCNY § 5-301(d))" : nil,
        selected: Double(count.selected), selectionRate: count.rate,
        impactRatio: isExcluded ? nil : count.rate / highest,
        impactRatioToReference: count.rate / referenceRate,
        shortfall: max(0, referenceRate * Double(count.applicants) - Double(count.selected)))
      extra(count.slice, &slice)
      return slice
    }
  }
}
