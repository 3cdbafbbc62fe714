import FairMetrics
import Foundation

extension MetricsDocument {
  /// A readable table per grouping, then the attribution, proxy and flip tables.
  ///
  /// Only what was computed is shown. Numbers have four significant decimals; intervals are in brackets.
  public var text: String {
    var lines: [String] = []
    lines.append(
      "\(data): \(rows) rows" + (model.map { ", model \($0)" } ?? "")
        + (decisionRule.map { ", \($0)" } ?? ""))
    lines.append(
      "intervals: \(Int((confidenceLevel * 100).rounded()))%, Wilson for rates, "
        + "\(bootstrapReplicates) Poisson-bootstrap replicates (seed \(seed)) for the rest")
    for grouping in groupings {
      lines.append("")
      var header = "\(grouping.grouping): reference \(grouping.reference)"
      header += grouping.referenceIsDeclared ? " (declared)" : " (most favoured)"
      if grouping.unknownCount > 0 { header += ", \(grouping.unknownCount) unknown" }
      if grouping.isWeighted { header += ", weighted by membership probability" }
      lines.append(header)
      var table = TextTable(
        header: ["slice", "n", "share", "selected", "rate", "impact ratio", "p (test)"]
          + (grouping.slices.first?.truePositiveRate != nil ? ["TPR", "FPR"] : []))
      for slice in grouping.slices {
        let test = slice.comparedWithMostFavoured.map {
          TextTable.number($0.test.pValue) + " ("
            + ($0.test.kind == .twoProportionZ ? "z" : "Fisher")
            + ")"
        }
        var row = [
          slice.slice + (slice.isExcluded ? " (excluded)" : ""),
          TextTable.number(slice.weight, decimals: grouping.isWeighted ? 1 : 0),
          TextTable.number(slice.share),
          TextTable.number(slice.selected, decimals: grouping.isWeighted ? 1 : 0),
          TextTable.number(slice.selectionRate) + " "
            + TextTable.interval(slice.selectionRateInterval),
          TextTable.number(slice.impactRatio)
            + (slice.impactRatioInterval.map { " " + TextTable.interval($0) } ?? ""),
          test ?? "—",
        ]
        if let tpr = slice.truePositiveRate {
          row += [TextTable.number(tpr), TextTable.number(slice.falsePositiveRate ?? .nan)]
        }
        table.append(row)
      }
      lines.append(contentsOf: table.lines)
      var summary =
        "demographic parity: difference \(TextTable.number(grouping.demographicParityDifference))"
        + ", ratio \(TextTable.number(grouping.demographicParityRatio))"
      if let odds = grouping.equalizedOddsDifference {
        summary += "; equalized odds difference \(TextTable.number(odds))"
      }
      lines.append(summary)
    }
    for summary in attributions ?? [] {
      lines.append("")
      lines.append(
        "attributions by \(summary.grouping) (\(summary.outputSpace), mean |φ| with the gap "
          + "contribution to \(summary.reference))")
      let features = summary.slices.first?.features.map(\.feature) ?? []
      var table = TextTable(header: ["slice", "gap"] + features)
      for slice in summary.slices {
        table.append(
          [slice.slice, TextTable.number(slice.gap)]
            + slice.features.map {
              TextTable.number($0.meanAbsolute) + " (" + TextTable.number($0.gapContribution) + ")"
            })
      }
      lines.append(contentsOf: table.lines)
    }
    if let proxies, !proxies.isEmpty {
      lines.append("")
      lines.append("proxy screen")
      var table = TextTable(
        header: ["feature", "attribute", "association", "NMI", "AUC", "attribution", "proxy"])
      for proxy in proxies {
        table.append([
          proxy.feature, proxy.attribute,
          TextTable.number(proxy.association) + " (" + proxy.measure + ")",
          TextTable.number(proxy.normalizedMutualInformation), TextTable.number(proxy.auc),
          proxy.attributionShare.map { TextTable.number($0) } ?? "—",
          proxy.isProxy ? (proxy.isDeclared ? "declared" : "yes") : "no",
        ])
      }
      lines.append(contentsOf: table.lines)
    }
    if let flips, !flips.isEmpty {
      lines.append("")
      lines.append("counterfactual flips")
      var table = TextTable(header: ["attribute", "set to", "rows", "flipped", "rate"])
      for flip in flips {
        table.append([
          flip.attribute, flip.value, String(flip.rows), String(flip.flipped),
          TextTable.number(flip.rate) + " " + TextTable.interval(flip.interval),
        ])
      }
      lines.append(contentsOf: table.lines)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One CSV line per grouping and slice with its group metrics.
  public var csv: String {
    var writer = CSVWriter(header: [
      "grouping", "slice", "reference", "rows", "weight", "share", "excluded", "selected",
      "selection_rate", "selection_rate_low", "selection_rate_high", "impact_ratio",
      "impact_ratio_low", "impact_ratio_high", "impact_ratio_to_reference", "test", "p_value",
      "p_value_holm", "shortfall", "base_rate", "true_positive_rate", "false_positive_rate",
      "precision", "auc", "log_loss", "brier_score",
    ])
    func optional(_ value: Double?) -> String { value.map(CSVWriter.number) ?? "" }
    for grouping in groupings {
      for slice in grouping.slices {
        let comparison = slice.comparedWithMostFavoured
        writer.appendRow(
          [
            CSVWriter.field(grouping.grouping), CSVWriter.field(slice.slice),
            CSVWriter.field(grouping.reference), String(slice.rows),
            CSVWriter.number(slice.weight), CSVWriter.number(slice.share),
            slice.isExcluded ? "true" : "false", CSVWriter.number(slice.selected),
            CSVWriter.number(slice.selectionRate),
            CSVWriter.number(slice.selectionRateInterval.lower),
            CSVWriter.number(slice.selectionRateInterval.upper),
            CSVWriter.number(slice.impactRatio), optional(slice.impactRatioInterval?.lower),
            optional(slice.impactRatioInterval?.upper),
            CSVWriter.number(slice.impactRatioToReference),
            comparison?.test.kind.rawValue ?? "", optional(comparison?.test.pValue),
            optional(comparison?.adjustedPValue), optional(comparison?.test.shortfall),
            optional(slice.baseRate), optional(slice.truePositiveRate),
            optional(slice.falsePositiveRate), optional(slice.precision), optional(slice.auc),
            optional(slice.logLoss), optional(slice.brierScore),
          ])
      }
    }
    return writer.text
  }
}

/// A plain-text table with left-aligned columns separated by two spaces.
struct TextTable {
  private var rows: [[String]]

  init(header: [String]) { rows = [header] }

  mutating func append(_ row: [String]) { rows.append(row) }

  var lines: [String] {
    let widths = (0..<(rows.first?.count ?? 0)).map { column in
      rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    return rows.map { row in
      row.enumerated().map { column, text in
        column == row.count - 1
          ? text : text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
  }

  /// A number with `decimals` decimals; `nan` for NaN.
  static func number(_ value: Double, decimals: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if abs(value) < 1e-4 && value != 0 && decimals > 0 { return String(format: "%.2e", value) }
    return String(format: "%.\(decimals)f", value)
  }

  /// `[lower, upper]`.
  static func interval(_ interval: ConfidenceInterval) -> String {
    "[" + number(interval.lower) + ", " + number(interval.upper) + "]"
  }
}
