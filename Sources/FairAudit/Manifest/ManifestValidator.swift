import FairMetrics
import FairModels
import FairPolicy
import FairTabular
import _FairSupport

/// Checks a parsed manifest against the data it names.
///
/// Each check records a diagnostic located at the manifest value that names the column or
/// value, and goes on, so one run reports every mismatch.
struct ManifestValidator {
  /// The manifest.
  let manifest: AuditManifest
  /// The data.
  let dataset: Dataset
  /// The problems found, in the order found.
  private(set) var diagnostics: [Diagnostic] = []

  /// A numeric column used as labels with more distinct values than this gets a warning.
  static let binSuggestionLevel = 20

  /// Creates a validator.
  init(manifest: AuditManifest, dataset: Dataset) {
    self.manifest = manifest
    self.dataset = dataset
  }

  /// Runs every check.
  mutating func run() {
    checkData()
    checkPredictions()
    for declaration in manifest.protectedAttributes { check(declaration) }
    for group in manifest.featureGroups {
      for (member, position) in zip(group.members, group.memberPositions) {
        _ = column(member, role: "feature group member", at: position)
      }
    }
    for (proxy, position) in zip(manifest.proxies.declared, manifest.proxies.declaredPositions) {
      _ = column(proxy, role: "declared proxy", at: position)
    }
    if let loss = manifest.loss { check(loss) }
  }

  // MARK: - Sections

  private mutating func checkData() {
    let data = manifest.data
    for (name, position) in data.columnTypePositions.sorted(by: { $0.value < $1.value }) {
      _ = column(name, role: "column type", at: position)
    }
    if let name = data.idColumn, let position = data.idColumnPosition,
      let column = column(name, role: "id column", at: position)
    {
      checkIdentifiers(column, at: position)
    }
    if let name = data.label, let position = data.labelPosition {
      checkOutcome(
        name, at: position, role: "label column", favourable: data.favourableLabel,
        favourablePosition: data.favourableLabelPosition, key: "favourable_label")
    }
  }

  private mutating func checkPredictions() {
    switch manifest.predictions {
    case .model(let model):
      guard case .command(let specification) = model.source else { return }
      for (feature, position) in zip(specification.featureNames, model.featurePositions) {
        _ = column(feature, role: "model feature", at: position)
      }
    case .scores(let scores):
      if let name = scores.scoreColumn, let position = scores.scoreColumnPosition,
        let column = column(name, role: "score column", at: position), column.numeric == nil
      {
        error(Message.notNumeric(name, role: "score column"), at: position)
      }
      if let name = scores.decisionColumn, let position = scores.decisionColumnPosition {
        checkOutcome(
          name, at: position, role: "decision column", favourable: scores.favourableDecision,
          favourablePosition: scores.favourableDecisionPosition, key: "favourable_decision")
      }
    }
  }

  private mutating func check(_ declaration: ProtectedAttributeDeclaration) {
    let attribute = declaration.attribute
    for (name, position) in zip(attribute.columns, declaration.columnPositions) {
      guard let column = column(name, role: "protected attribute column", at: position) else {
        continue
      }
      if column.missingCount == column.count {
        error(Message.entirelyMissing(name, rows: column.count), at: position)
        continue
      }
      switch attribute.source {
      case .column:
        let values = ManifestValidator.labels(of: column)
        if let numbers = column.numeric, values.count > ManifestValidator.binSuggestionLevel {
          warning(Message.considerBins(numbers.name, distinct: values.count), at: position)
        }
        if let reference = attribute.reference,
          let referencePosition = declaration.referencePosition
        {
          checkReference(
            reference, among: values.subtracting(attribute.unknownValues).sorted(),
            column: name, at: referencePosition)
        }
      case .bins:
        if column.numeric == nil {
          error(Message.notNumeric(name, role: "binned column"), at: position)
        }
      case .probabilities:
        if column.numeric == nil {
          error(Message.notNumeric(name, role: "probability column"), at: position)
        }
      }
    }
  }

  // MARK: - Checks

  /// The column named `name`, or an error at `position` with "did you mean".
  private mutating func column(_ name: String, role: String, at position: SourcePosition)
    -> Column?
  {
    if let column = dataset.column(named: name) { return column }
    var notes: [Diagnostic.Note] = []
    if let near = Suggestion.candidate(for: name, among: dataset.columnNames) {
      notes.append(Diagnostic.Note(YAMLReader.Message.didYouMean(near)))
    }
    error(
      Message.unknownColumn(name, role: role, file: manifest.data.writtenPath), at: position,
      notes: notes)
    return nil
  }

  private mutating func checkIdentifiers(_ column: Column, at position: SourcePosition) {
    if column.missingCount > 0 {
      error(Message.missingIdentifiers(column.name, count: column.missingCount), at: position)
      return
    }
    var firstRow: [String: Int] = [:]
    for row in 0..<column.count {
      let value = ManifestValidator.label(of: column, row: row) ?? ""
      if let first = firstRow[value] {
        error(Message.duplicateIdentifier(column.name, value, rows: (first, row)), at: position)
        return
      }
      firstRow[value] = row
    }
  }

  private mutating func checkOutcome(
    _ name: String, at position: SourcePosition, role: String, favourable: String?,
    favourablePosition: SourcePosition?, key: String
  ) {
    guard let column = column(name, role: role, at: position) else { return }
    if column.missingCount > 0 {
      error(Message.missingOutcomes(name, role: role, count: column.missingCount), at: position)
    }
    switch column {
    case .numeric(let numbers):
      if let bad = numbers.values.first(where: { !$0.isNaN && $0 != 0 && $0 != 1 }) {
        error(Message.notBinary(name, role: role, found: bad), at: position)
      } else if let favourable, let favourablePosition,
        !["0", "1", "0.0", "1.0"].contains(favourable)
      {
        error(
          Message.favourableNotAValue(favourable, column: name), at: favourablePosition,
          notes: [Diagnostic.Note(Message.holdsZeroAndOne)])
      }
    case .categorical(let labels):
      guard let favourable, let favourablePosition else {
        error(
          Message.needsFavourable(name, role: role, levels: labels.levels, key: key), at: position)
        return
      }
      if labels.levels.contains(favourable) {
        if labels.levels.count > 2 {
          warning(
            Message.moreThanTwoOutcomes(name, count: labels.levels.count, favourable: favourable),
            at: position)
        }
      } else {
        error(
          Message.favourableNotAValue(favourable, column: name), at: favourablePosition,
          notes: [Message.valuesNote(favourable, among: labels.levels)])
      }
    }
  }

  /// A declared loss needs true outcomes and the scores it reads; a cost matrix's column and
  /// values must be in the data.
  private mutating func check(_ settings: LossSettings) {
    let declaration = settings.declaration
    let place = settings.lossPosition ?? settings.costsPosition
    if manifest.data.label == nil, let place {
      error(Message.lossNeedsLabel(hasLoss: declaration.loss != nil), at: place)
    }
    if let loss = declaration.loss, let position = settings.lossPosition,
      case .scores(let scores) = manifest.predictions
    {
      let inputs = loss.inputs
      let space = manifest.decision?.rule.space
      if scores.scoreColumn == nil, inputs.contains(.probability) || inputs.contains(.margin) {
        error(Message.lossNeedsScores(loss.name), at: position)
      } else if inputs.contains(.probability), space != .probability {
        error(Message.lossNeedsProbabilities(loss.name, space: space?.rawValue), at: position)
      }
    }
    guard let matrix = declaration.costs, let name = matrix.column,
      let position = settings.columnPosition,
      let column = column(name, role: "cost matrix column", at: position)
    else { return }
    let values = ManifestValidator.labels(of: column)
    for (value, valuePosition) in settings.valuePositions.sorted(by: { $0.value < $1.value })
    where !values.contains(value) {
      error(
        Message.costValueNotInColumn(value, column: name), at: valuePosition,
        notes: [Message.valuesNote(value, among: values.sorted())])
    }
  }

  private mutating func checkReference(
    _ reference: String, among values: [String], column: String, at position: SourcePosition
  ) {
    guard !values.contains(reference) else { return }
    error(
      Message.referenceNotAValue(reference, column: column), at: position,
      notes: [Message.valuesNote(reference, among: values)])
  }

  // MARK: - Recording

  private mutating func error(
    _ message: String, at position: SourcePosition, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(manifest.source.diagnostic(.error, message, at: position, notes: notes))
  }

  private mutating func warning(
    _ message: String, at position: SourcePosition, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(manifest.source.diagnostic(.warning, message, at: position, notes: notes))
  }

  // MARK: - Values

  /// The distinct non-missing values of a column, as group labels (as FairMetrics writes a
  /// number: whole numbers without a fraction).
  static func labels(of column: Column) -> Set<String> {
    switch column {
    case .categorical(let labels):
      let counts = labels.levelCounts()
      return Set(labels.levels.indices.filter { counts[$0] > 0 }.map { labels.levels[$0] })
    case .numeric(let numbers):
      var seen = Set<UInt64>()
      var result = Set<String>()
      for value in numbers.values where !value.isNaN && seen.insert(value.bitPattern).inserted {
        result.insert(label(of: value))
      }
      return result
    }
  }

  /// The value of `row` as a label, or `nil` when missing.
  static func label(of column: Column, row: Int) -> String? {
    switch column {
    case .categorical(let labels): return labels.value(at: row)
    case .numeric(let numbers):
      let value = numbers.values[row]
      return value.isNaN ? nil : label(of: value)
    }
  }

  /// A number as a group label: whole numbers without a fraction.
  static func label(of value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
