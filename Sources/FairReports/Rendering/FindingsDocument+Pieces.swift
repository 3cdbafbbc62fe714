extension FindingsDocument {
  /// One sentence on the partitions an audit of merged partial evidence read, or `nil` for
  /// an audit of the data in one pass: every format says it the same way.
  var partitionsSentence: String? {
    guard let partitions = provenance.partitions, !partitions.isEmpty else { return nil }
    let rows = partitions.reduce(0) { $0 + $1.rows }
    let count = partitions.count
    return "Evidence merged from \(ReportNumber.count(count)) "
      + (count == 1 ? "partition" : "partitions")
      + " of \(ReportNumber.count(rows)) rows ('fairgate evidence merge'); the data's digest "
      + "is a digest of the partitions' digests."
  }

  /// The bounds that the findings on `grouping` judge each metric against, by metric, in one
  /// pass over the findings: a table or chart showing those figures keeps each on its side of
  /// every such bound, as the findings do.
  func requirementBounds(grouping: String) -> [String: [Double]] {
    var bounds: [String: [Double]] = [:]
    for finding in findings where finding.subject.grouping == grouping {
      for bound in finding.requirementBounds ?? []
      where bounds[finding.metric]?.contains(bound) != true {
        bounds[finding.metric, default: []].append(bound)
      }
    }
    return bounds
  }

  /// The significance levels p-values on `grouping` are compared with: the method's and
  /// those of the findings on it.
  func alphas(grouping: String) -> [Double] {
    var alphas = [method.tests.alpha]
    for finding in findings where finding.subject.grouping == grouping {
      if let alpha = finding.alpha, !alphas.contains(alpha) { alphas.append(alpha) }
    }
    return alphas
  }

  /// The words before the list of what a Local Law 144 summary lacks for publication.
  static let ll144IncompleteHeading =
    "Incomplete for publication: the manifest's report section does not declare"

  /// What the NYC Local Law 144 summary lacks for publication, one manifest key and its
  /// meaning each; empty when there is no summary or it lacks nothing.
  var ll144Missing: [String] { evidence.ll144?.missing ?? [] }

  /// What the evidence of this audit lacks (a merge of partitions could not carry it), one
  /// sentence each; the rules that need it are insufficient-data.
  var unavailableEvidence: [String] { evidence.unavailable }

  /// The heading of the list of ``unavailableEvidence``.
  static let unavailableHeading =
    "Not available in this run (the rules that need it are insufficient data)"
}

extension FindingsDocument.PolicyFile {
  /// The pack in a list of packs: `nyc-ll144 2026.1`, with `(extended)` for a pack read
  /// only because applied ones extend it.
  var label: String {
    "\(id) \(version)" + (extendedBy == nil ? "" : " (extended)")
  }
}

extension FindingsDocument.GroupingEvidence {
  /// The slice impact ratios compare with: the most selected one among those compared
  /// (ratio 1; the first in report order on ties), or `nil` when none has a ratio.
  var mostSelectedSlice: String? {
    slices.first { !$0.excluded && $0.impactRatio == 1 }?.slice
  }
}
