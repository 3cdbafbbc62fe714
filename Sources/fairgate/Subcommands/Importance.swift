import ArgumentParser
import FairAttribution
import FairModels
import FairTabular
import Foundation
import _FairSupport

extension FairGateCommand {
  /// `fairgate importance`: global permutation feature importance.
  struct Importance: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "importance",
      abstract: "Measure how much a model's score depends on each feature.",
      discussion: """
        Permutation importance: each feature (or group) is shuffled across rows, the metric \
        is computed again, and the importance is the drop from the unshuffled score, as \
        scikit-learn's permutation_importance defines it. Prints CSV with the header \
        'feature,importance_mean,importance_std' (or JSON), most important first. Shuffles \
        are seeded; results do not depend on the thread count.
        """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    @Option(
      help: ArgumentHelp(
        "The label column (not needed for '--metric decision-rate').", valueName: "column"))
    var label: String?

    @Option(
      help: ArgumentHelp(
        "The label value of the positive class, when the label column holds text.",
        valueName: "value"))
    var positive: String?

    @Option(help: "The score whose drop measures importance.")
    var metric: ImportanceMetric = .auc

    @Option(
      help: ArgumentHelp(
        "The probability at or above which a decision is favourable (accuracy, decision-rate).",
        valueName: "p"))
    var threshold: Double = 0.5

    @Option(help: ArgumentHelp("Shuffles per feature.", valueName: "n"))
    var repeats: Int = 5

    @Option(
      name: .customLong("group"),
      help: ArgumentHelp(
        "Shuffle several columns together, as NAME=col1,col2 (repeatable).",
        valueName: "name=cols"))
    var groups: [String] = []

    @Option(help: "The output format.")
    var format: ExplanationFormat = .csv

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
      guard repeats >= 1 else { throw ValidationError("'--repeats' must be 1 or more") }
      guard threshold > 0 && threshold < 1 else {
        throw ValidationError("'--threshold' must be between 0 and 1, not \(threshold)")
      }
      if metric != .decisionRate && label == nil {
        throw ValidationError("'--metric \(metric.rawValue)' needs '--label COLUMN'")
      }
    }

    func run() throws {
      let bound = try BoundRows(model: model, data: data)
      let labels = try labelValues(bound)
      let importance = try PermutationImportance(
        model: bound.model, metric: metric.metric(threshold: threshold), repeats: repeats,
        groups: try FeatureGroupOption.parse(groups, model: bound.model))
      let result = try importance.compute(
        bound.matrix, labels: labels, seed: runtime.seed, threads: runtime.threads)
      let order = result.means.indices.sorted {
        result.means[$0] > result.means[$1]
          || (result.means[$0] == result.means[$1] && $0 < $1)
      }
      let out = StandardOutput()
      switch format {
      case .csv:
        out.write("feature,importance_mean,importance_std\n")
        for index in order {
          out.write(
            ExplanationWriter.csvField(result.featureNames[index]) + ","
              + formatCSVNumber(result.means[index]) + ","
              + formatCSVNumber(result.standardDeviations[index]) + "\n")
        }
      case .json:
        out.write(try renderJSON(result, order: order))
      }
      out.flush()
    }

    /// The labels as 1 (positive) and 0, one per row; zeros when the metric needs none.
    private func labelValues(_ bound: BoundRows) throws -> [Double] {
      guard let label else { return Array(repeating: 0, count: bound.matrix.rowCount) }
      guard let column = bound.dataset.column(named: label) else {
        var message = "'--label' names a column '\(label)', which the file does not have"
        if let near = closestMatch(to: label, among: bound.dataset.columnNames) {
          message += "; did you mean '\(near)'?"
        }
        throw DataError(.unknownColumn, file: bound.dataFile, message: message)
      }
      let reference = DataError.ColumnReference(
        index: (bound.dataset.columnIndex(named: label) ?? 0) + 1, name: label)
      switch column {
      case .numeric(let numbers):
        if let bad = numbers.values.first(where: { $0 != 0 && $0 != 1 }) {
          throw DataError(
            .expectedNumber, file: bound.dataFile, column: reference,
            message: "a numeric label must be 0 or 1 (or give '--positive'), found \(bad)")
        }
        return numbers.values
      case .categorical(let labels):
        guard let positive else {
          throw ValidationError(
            "the label '\(label)' holds text (\(labels.levels.prefix(3).joined(separator: ", ")))"
              + "; say which value is positive with '--positive'")
        }
        guard let code = labels.levels.firstIndex(of: positive) else {
          throw DataError(
            .unknownCategory, file: bound.dataFile, column: reference,
            message: "'--positive \(positive)' is not a value of the column")
        }
        if labels.codes.contains(CategoricalColumn.missingCode) {
          throw DataError(
            .expectedNumber, file: bound.dataFile, column: reference,
            message: "the label is missing in some rows")
        }
        return labels.codes.map { $0 == Int32(code) ? 1 : 0 }
      }
    }

    private func renderJSON(_ result: PermutationImportanceResult, order: [Int]) throws -> String {
      struct Entry: Encodable {
        var feature: String
        var mean: Double
        var standardDeviation: Double
      }
      struct Document: Encodable {
        var schema = "fairgate.importance/1"
        var metric: String
        var baselineScore: Double
        var repeats: Int
        var seed: UInt64
        var features: [Entry]
      }
      let document = Document(
        metric: metric.rawValue, baselineScore: result.baselineScore, repeats: repeats,
        seed: runtime.seed,
        features: order.map {
          Entry(
            feature: result.featureNames[$0], mean: result.means[$0],
            standardDeviation: result.standardDeviations[$0])
        })
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      encoder.keyEncodingStrategy = .convertToSnakeCase
      return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
  }
}

/// The metrics of `fairgate importance`.
enum ImportanceMetric: String, ExpressibleByArgument, CaseIterable {
  case auc
  case logLoss = "log-loss"
  case accuracy
  case decisionRate = "decision-rate"

  func metric(threshold: Double) -> PermutationImportance.Metric {
    switch self {
    case .auc: .auc
    case .logLoss: .logLoss
    case .accuracy: .accuracy(threshold: threshold)
    case .decisionRate: .decisionRate(threshold: threshold)
    }
  }
}
