public import FairAttribution
public import FairModels
public import FairTabular
import Foundation
import Synchronization
package import _FairSupport

/// The evidence of a request, with what it was built from.
public struct EvidenceBuild: Sendable {
  /// The evidence, computed on demand.
  public let evidence: Evidence
  /// The model and its bound rows, when a model scores the data.
  public let bound: BoundRows?
  /// The data as read.
  public let dataset: Dataset
  /// The decision rule, when decisions come from scores.
  public let rule: DecisionRule?
  /// What attribution ran, once it has: the method and why `auto` chose it.
  public let attributionRun: AttributionRun
  /// The model's margin for every row, when a model scores the data, for later passes over
  /// the same rows (reasons) that would otherwise score them again.
  package let margins: [Double]?
}

/// What attribution ran, recorded when the attributions are computed (they may never be).
public final class AttributionRun: Sendable {
  private let state = Mutex<(method: AttributionMethod, reason: String?, background: Int)?>(nil)

  /// The method, `auto`'s reason and the number of background rows, once attributions ran.
  public var description: (method: AttributionMethod, reason: String?, backgroundRows: Int)? {
    state.withLock { $0.map { ($0.method, $0.reason, $0.background) } }
  }

  func record(method: AttributionMethod, reason: String?, backgroundRows: Int) {
    state.withLock { $0 = (method, reason, backgroundRows) }
  }
}

/// Builds ``Evidence`` from an ``EvidenceRequest``: reads the data (with the model's column
/// types), scores it, decides, reads the outcomes and row identifiers, and prepares the
/// attributions and the counterfactual model for when they are asked for.
public enum EvidenceBuilder {
  /// Builds the evidence of `request`.
  ///
  /// - Parameters:
  ///   - request: The request.
  ///   - seed: The seed of sampled backgrounds and sampling explainers.
  ///   - threads: Worker threads; results do not depend on it.
  ///   - checkData: Called with the data as soon as it is read, before anything else uses
  ///     it, so that a caller can check it against its own declarations and throw located
  ///     errors first.
  /// - Returns: The evidence and what it was built from.
  /// - Throws: `DataError`, `ModelError`, ``MetricsError`` or `AttributionError` naming the
  ///   file and the place.
  /// - Complexity: One read of the data and one scoring of every row; attributions later.
  public static func build(
    _ request: EvidenceRequest, seed: UInt64, threads: Int,
    checkData: (Dataset) throws -> Void = { _ in }
  ) throws -> EvidenceBuild {
    try build(request, seed: seed, threads: threads, progress: nil, checkData: checkData)
  }

  /// Builds the evidence of `request` as ``build(_:seed:threads:checkData:)`` does,
  /// reporting the rows of each long computation (scoring, attributions, bootstrap passes)
  /// to `progress`.
  ///
  /// `checkModel` is called with the model as soon as the rows are bound to it, before they
  /// are scored.
  package static func build(
    _ request: EvidenceRequest, seed: UInt64, threads: Int, progress: WorkProgress?,
    checkData: (Dataset) throws -> Void = { _ in },
    checkModel: (any ScoringModel) throws -> Void = { _ in }
  ) throws -> EvidenceBuild {
    let file = request.data
    var bound: BoundRows?
    var margins: [Double]?
    let dataset: Dataset
    var scores: [Double]?
    var scale = EvidenceRows.ScoreScale.score
    var decisions: [Bool]
    var rule: DecisionRule?
    // The loss's inputs, in the score's own direction (see `LossRows`).
    var lossProbabilities: [Double]?
    var lossMargins: [Double]?
    var positiveIsFavourable = true
    switch request.outputs {
    case .model(let source, let decisionRule):
      let rows = try BoundRows(
        model: source, data: file, csv: request.csv, threads: threads, checkData: checkData)
      try checkModel(rows.model)
      bound = rows
      dataset = rows.dataset
      rule = decisionRule
      let space: OutputSpace = decisionRule.space == .probability ? .probability : .margin
      if space == .probability && rows.model.task != .binaryClassification {
        throw MetricsError(
          message: "a decision rule in probability space needs a binary classifier; "
            + "\(rows.model.summary) is a regressor")
      }
      // Scored once in margin space: the probabilities follow through the model's own
      // transform (as `predict` applies it), and explainers reuse the margins.
      let scoredMargins = try rows.model.predict(
        rows.matrix, output: .margin, threads: threads, progress: progress)
      margins = scoredMargins
      let transform = rows.model.outputTransform
      let raw = space == .probability ? scoredMargins.map(transform.apply) : scoredMargins
      decisions = raw.map(decisionRule.isFavourable)
      scores = raw.map(decisionRule.favourableOriented)
      scale = space == .probability ? .probability : .score
      positiveIsFavourable = decisionRule.favourable == .above
      lossMargins = scoredMargins
      if rows.model.task == .binaryClassification {
        lossProbabilities = space == .probability ? raw : scoredMargins.map(transform.apply)
      } else {
        lossProbabilities = scoredMargins
      }
    case .columns(let scoreColumn, let decisionRule, let decisionColumn, let favourable):
      dataset = try CSVReader(options: request.csv, threads: threads).read(contentsOf: file)
      try checkData(dataset)
      rule = decisionColumn == nil ? decisionRule : nil
      if let scoreColumn {
        let (column, reference) = try dataset.requireColumn(
          named: scoreColumn, role: "the score column", file: file)
        guard let numbers = column.numeric else {
          throw DataError(
            .expectedNumber, file: file, column: reference,
            message: "the score column must hold numbers")
        }
        // A row without a score would be decided unfavourable by a threshold, and would
        // count as not above the median in scoring rates: refused, as a row without a label is.
        if let row = numbers.values.firstIndex(where: \.isNaN) {
          throw DataError(
            .expectedNumber, file: file, column: reference,
            message: DataError.Message.missingScore(
              row: row, count: numbers.values.count { $0.isNaN },
              decisionsRecorded: decisionColumn != nil))
        }
        let oriented = decisionRule ?? DecisionRule(space: .score)
        scores = numbers.values.map(oriented.favourableOriented)
        scale = oriented.space == .probability ? .probability : .score
        positiveIsFavourable = oriented.favourable == .above
        if oriented.space == .probability {
          lossProbabilities = numbers.values
          lossMargins = numbers.values.map { log($0) - log1p(-$0) }
        } else {
          lossMargins = numbers.values
        }
      }
      if let decisionColumn {
        decisions = try dataset.binaryOutcome(
          column: decisionColumn, positive: favourable, role: "the decision column", file: file
        ).map { $0 == 1 }
      } else if let scoreColumn, let decisionRule {
        let (column, _) = try dataset.requireColumn(
          named: scoreColumn, role: "the score column", file: file)
        decisions = (column.numeric?.values ?? []).map(decisionRule.isFavourable)
      } else {
        throw MetricsError(
          message: "decisions need a decision column, or a score column with a threshold")
      }
    }
    let outcomes = try request.label.map {
      try dataset.binaryOutcome(column: $0, positive: request.favourableLabel, file: file)
        .map { $0 == 1 }
    }
    let rowIDs = try rowIdentifiers(request, dataset: dataset)
    var configuration = request.configuration
    configuration.threads = threads
    if configuration.candidateFeatures.isEmpty {
      configuration.candidateFeatures = candidates(
        request: request, dataset: dataset, model: bound?.model)
    }
    let run = AttributionRun()
    var source: Evidence.AttributionSource?
    if let bound, let settings = request.attribution {
      source = attributionSource(
        bound: bound, margins: margins, rowIDs: rowIDs, drawn: request.drawnBackground,
        settings: settings, seed: seed, threads: threads, progress: progress, run: run)
    }
    var counterfactual: CounterfactualModel?
    if let bound, let rule {
      counterfactual = counterfactualModel(bound: bound, rule: rule, threads: threads)
      let names = bound.model.features.map(\.name)
      for (name, counts) in request.allValues ?? [:] {
        if let feature = names.firstIndex(of: name) { counterfactual?.allValues[feature] = counts }
      }
    }
    let evidenceRows = EvidenceRows(
      rowIDs: rowIDs, decisions: decisions, scores: scores, scoreScale: scale,
      outcomes: outcomes)
    let lossRows = try request.loss.map {
      try LossRows.compute(
        $0, rows: evidenceRows, probabilities: lossProbabilities, margins: lossMargins,
        positiveIsFavourable: positiveIsFavourable, dataset: dataset, file: file)
    }
    var lossSource: Evidence.LossAttributionSource?
    if let bound, let settings = request.attribution, let lossRows,
      let declaration = request.loss, let loss = declaration.loss
    {
      lossSource = lossAttributionSource(
        bound: bound, loss: loss, method: declaration.attributionMethod, labels: lossRows.labels,
        rowIDs: rowIDs, drawn: request.drawnBackground, settings: settings, seed: seed,
        threads: threads, progress: progress)
    }
    let evidence = try Evidence(
      configuration: configuration, dataset: dataset, dataFile: file, rows: evidenceRows,
      attributions: source, counterfactual: counterfactual, loss: lossRows,
      lossAttributions: lossSource, progress: progress)
    return EvidenceBuild(
      evidence: evidence, bound: bound, dataset: dataset, rule: rule, attributionRun: run,
      margins: margins)
  }

  /// What one partition of the data contributes to the values every partition must take
  /// from all the rows.
  ///
  /// That is its draw of the background the attributions sample from the data (by row id,
  /// ``KeyedSample``), and the map of each value of the numeric model inputs that carry
  /// protected attributes (for the values counterfactual flips try). Each merges with the
  /// other partitions' into the same over all rows.
  ///
  /// Reads and binds the rows without scoring them.
  ///
  /// - Parameters:
  ///   - request: The request.
  ///   - background: Whether to draw the background (when it is sampled from the data).
  ///   - flips: Whether to count the attributes' values.
  ///   - reasons: The size of the adverse-action reasons' backgrounds and the number of
  ///     stability replicates, to draw them from every row; `nil` not to.
  /// - Returns: The draw (`nil` unless asked for and sampled from the data), the maps by
  ///   input name, the reasons' backgrounds (``ReasonTallies/drawBackgrounds(_:keys:size:seed:replicates:)``)
  ///   and the names of the model's inputs.
  /// - Throws: As ``build(_:seed:threads:checkData:)`` does for the data and the model.
  package static func drawSample(
    _ request: EvidenceRequest, background: Bool, flips: Bool,
    reasons: (size: Int, replicates: Int)? = nil, seed: UInt64, threads: Int,
    checkData: (Dataset) throws -> Void = { _ in }
  ) throws -> (
    background: KeyedSample?, values: [String: ScoreCounts], reasons: [KeyedSample]?,
    features: [String]
  ) {
    guard case .model(let source, _) = request.outputs else {
      throw MetricsError(message: "only a model's inputs are sampled")
    }
    let bound = try BoundRows(
      model: source, data: request.data, csv: request.csv, threads: threads,
      checkData: checkData)
    let sampledBackground: Int?
    if background, case .sample(let size) = request.attribution?.background {
      sampledBackground = size
    } else {
      sampledBackground = nil
    }
    // Only the keyed draws need the rows' ids; flips count values.
    let rowIDs =
      sampledBackground != nil || reasons != nil
      ? try rowIdentifiers(request, dataset: bound.dataset) : []
    var drawn: KeyedSample?
    if let size = sampledBackground {
      drawn = KeyedSample(bound.matrix, keys: rowIDs, size: size, seed: seed)
    }
    let reasonBackgrounds = reasons.map {
      ReasonTallies.drawBackgrounds(
        bound.matrix, keys: rowIDs, size: $0.size, seed: seed, replicates: $0.replicates)
    }
    var values: [String: ScoreCounts] = [:]
    if flips {
      for feature in flippedNumericInputs(request.configuration, model: bound.model) {
        let width = bound.matrix.featureCount
        let column = (0..<bound.matrix.rowCount).map { bound.matrix.values[$0 * width + feature] }
        values[bound.model.features[feature].name] = ScoreCounts(scores: column)
      }
    }
    return (drawn, values, reasonBackgrounds, bound.model.features.map(\.name))
  }

  /// The numeric model inputs that carry a protected attribute (a column or bins of one),
  /// whose counterfactual flips try values taken from the rows.
  package static func flippedNumericInputs(
    _ configuration: Evidence.Configuration, model: any ScoringModel
  ) -> [Int] {
    var inputs: [Int] = []
    for attribute in configuration.attributes {
      let column: String
      switch attribute.source {
      case .column(let name): column = name
      case .bins(let name, _, _): column = name
      case .probabilities: continue
      }
      guard let feature = model.features.firstIndex(where: { $0.name == column }) else {
        continue
      }
      if case .categorical = model.features[feature].kind { continue }
      if !inputs.contains(feature) { inputs.append(feature) }
    }
    return inputs
  }

  /// The rows' ids: the id column's values, else the row indices.
  private static func rowIdentifiers(_ request: EvidenceRequest, dataset: Dataset) throws
    -> [UInt64]
  {
    try request.idColumn.map { try identifiers(dataset, column: $0, file: request.data) }
      ?? (0..<UInt64(dataset.rowCount)).map { $0 }
  }

  /// Stable row identifiers from a column: its integers, or a hash of its text.
  private static func identifiers(_ dataset: Dataset, column name: String, file: String) throws
    -> [UInt64]
  {
    let (column, reference) = try dataset.requireColumn(
      named: name, role: "the id column", file: file)
    var ids: [UInt64] = []
    ids.reserveCapacity(dataset.rowCount)
    switch column {
    case .numeric(let numbers):
      for value in numbers.values {
        guard !value.isNaN else {
          throw DataError(
            .expectedNumber, file: file, column: reference, message: "a row has no id")
        }
        ids.append(
          value == value.rounded() && abs(value) < 9e18
            ? UInt64(bitPattern: Int64(value)) : value.bitPattern)
      }
    case .categorical(let labels):
      let hashes = labels.levels.map(stableHash)
      for code in labels.codes {
        guard code != CategoricalColumn.missingCode else {
          throw DataError(
            .expectedNumber, file: file, column: reference, message: "a row has no id")
        }
        ids.append(hashes[Int(code)])
      }
    }
    if Set(ids).count != ids.count {
      throw DataError(
        .invalidOption, file: file, column: reference,
        message: "the id column repeats a value; row ids must be unique")
    }
    return ids
  }

  /// FNV-1a of a string's UTF-8 bytes: stable across runs and machines.
  private static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// The columns screened as proxies: the model's inputs, or every column that is not an
  /// attribute, the label, the id, a score or a decision.
  private static func candidates(
    request: EvidenceRequest, dataset: Dataset, model: (any ScoringModel)?
  ) -> [String] {
    if let model {
      return model.features.map(\.name).filter { dataset.column(named: $0) != nil }
    }
    var excluded = Set(request.configuration.attributes.flatMap(\.columns))
    for name in [request.label, request.idColumn].compactMap({ $0 }) { excluded.insert(name) }
    if case .columns(let score, _, let decision, _) = request.outputs {
      for name in [score, decision].compactMap({ $0 }) { excluded.insert(name) }
    }
    return dataset.columnNames.filter { !excluded.contains($0) }
  }

  /// The background of `settings`: the sample drawn beforehand from all the rows when there
  /// is one, else the file's rows or a sample of these rows drawn by their ids.
  private static func backgroundRows(
    _ settings: EvidenceRequest.AttributionSettings, bound: BoundRows, drawn: KeyedSample?,
    rowIDs: [UInt64], seed: UInt64
  ) throws -> FeatureMatrix {
    if let drawn, settings.background.isSampled { return drawn.matrix }
    return try settings.background.rows(for: bound, seed: seed, keys: rowIDs)
  }

  private static func attributionSource(
    bound: BoundRows, margins: [Double]?, rowIDs: [UInt64], drawn: KeyedSample?,
    settings: EvidenceRequest.AttributionSettings, seed: UInt64, threads: Int,
    progress: WorkProgress?, run: AttributionRun
  ) -> Evidence.AttributionSource {
    let names = bound.model.features.map(\.name)
    let grouped = Set(settings.featureGroups.flatMap(\.members))
    let columns = settings.featureGroups.map(\.name) + names.filter { !grouped.contains($0) }
    return Evidence.AttributionSource(
      featureNames: columns, outputSpace: settings.output.rawValue,
      groupOfFeature: Dictionary(
        settings.featureGroups.flatMap { group in group.members.map { ($0, group.name) } },
        uniquingKeysWith: { first, _ in first }),
      dependsOnPartition: {
        drawn == nil && settings.background.isSampled
          && (run.description?.backgroundRows ?? 0) > 0
      },
      compute: {
        let background =
          settings.method.mayUseBackground
          ? try backgroundRows(
            settings, bound: bound, drawn: drawn, rowIDs: rowIDs, seed: seed)
          : nil
        let groups = try settings.featureGroups.map {
          try FeatureGroup(name: $0.name, memberNames: $0.members, featureNames: names)
        }
        let plan = try ExplanationPlan(
          model: bound.model, method: settings.method, background: background,
          samples: settings.samples, groups: groups, threads: threads, output: settings.output)
        run.record(
          method: plan.method, reason: plan.reason,
          backgroundRows: plan.method.needsBackground ? background?.rowCount ?? 0 : 0)
        var options = ExplainOptions(output: settings.output, threads: threads, seed: seed)
        options.margins = margins
        options.progress = progress
        options.rowKeys = rowIDs
        return try plan.explain(bound.matrix, options: options)
      })
  }

  private static func lossAttributionSource(
    bound: BoundRows, loss: LossFunction, method: LossExplainer.Method, labels: [Double],
    rowIDs: [UInt64], drawn: KeyedSample?, settings: EvidenceRequest.AttributionSettings,
    seed: UInt64, threads: Int, progress: WorkProgress?
  ) -> Evidence.LossAttributionSource {
    let names = bound.model.features.map(\.name)
    let grouped = Set(settings.featureGroups.flatMap(\.members))
    let columns = settings.featureGroups.map(\.name) + names.filter { !grouped.contains($0) }
    return Evidence.LossAttributionSource(
      featureNames: columns,
      groupOfFeature: Dictionary(
        settings.featureGroups.flatMap { group in group.members.map { ($0, group.name) } },
        uniquingKeysWith: { first, _ in first }),
      dependsOnPartition: drawn == nil && settings.background.isSampled,
      compute: {
        let rows = try backgroundRows(
          settings, bound: bound, drawn: drawn, rowIDs: rowIDs, seed: seed)
        let background = try BackgroundData(rows, featureCount: bound.model.featureCount)
        let groups = try settings.featureGroups.map {
          try FeatureGroup(name: $0.name, memberNames: $0.members, featureNames: names)
        }
        let link: OutputTransform =
          bound.model.task == .binaryClassification ? bound.model.outputTransform : .identity
        let explainer = try LossExplainer(
          model: bound.model, background: background, loss: loss.marginLoss(link: link),
          groups: groups, method: method)
        var options = ExplainOptions(threads: threads, seed: seed)
        options.progress = progress
        options.rowKeys = rowIDs
        return try explainer.explain(bound.matrix, labels: labels, options: options)
      })
  }

  private static func counterfactualModel(bound: BoundRows, rule: DecisionRule, threads: Int)
    -> CounterfactualModel
  {
    let model = bound.model
    let width = bound.matrix.featureCount
    let space: OutputSpace = rule.space == .probability ? .probability : .margin
    return CounterfactualModel(
      featureNames: model.features.map(\.name), values: bound.matrix.values,
      levels: model.features.map { feature in
        if case .categorical(let levels) = feature.kind { return levels }
        return nil
      },
      decide: { values in
        let matrix = FeatureMatrix(
          values: values, rowCount: values.count / width, featureCount: width)
        return try model.predict(matrix, output: space, threads: threads).map(rule.isFavourable)
      })
  }
}

extension DataError.Message {
  /// A recorded score left blank, first in data row `row`, in `count` rows in all.
  static func missingScore(row: Int, count: Int, decisionsRecorded: Bool) -> String {
    "the score is missing in data row \(row) (0-based)"
      + (count > 1 ? " and \(count - 1) more" : "")
      + (decisionsRecorded
        ? "; a row without a score would count as not above the median in the score figures:"
          + " record a score for every row, or remove 'score_column' to audit the recorded"
          + " decisions alone"
        : "; the decisions come from the score, so every row needs one")
  }
}
