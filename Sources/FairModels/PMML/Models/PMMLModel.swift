public import FairTabular

/// A PMML model, loaded by ``PMMLModelLoader``, as a ``ScoringModel``.
///
/// **Features.** The active fields of the top-level `MiningSchema`, in its order. A field
/// with a categorical or ordinal optype, or of type string or boolean, is a categorical
/// feature whose levels are the `DataField`'s declared `Value`s, followed by any category
/// the model's predicates, predictors or one-hot terms test that the `DataField` does not
/// list (when it lists none, those are the levels). Every constant is read in the data
/// type of the field it meets, so in an integer field `1` and `1.0` are one category while
/// in a string field `"1"` and `"1.0"` are two. Feed data with ``preferredColumnTypes``.
///
/// **Margins.** Regression models return their predicted value (after `Targets`), with the
/// identity transform. A binary classifier whose probability of the positive class is the
/// logistic function of a linear score — `RegressionModel` with `logit` or `softmax`,
/// `GeneralRegressionModel` with the `logit` link or `multinomialLogistic`, and model
/// chains ending in one (sklearn2pmml's gradient boosting, XGBoost and LightGBM) — returns
/// that log-odds with the ``OutputTransform/logistic`` transform. Every other classifier
/// (trees with `ScoreDistribution`, averaged or voting ensembles, neural networks, other
/// links) returns the probability itself with the identity transform. Either way
/// `predict(_:output: .probability)` is the probability of the positive class as
/// jpmml-evaluator computes it. The positive class is the second valid value of the target
/// `DataField`, unless the `Output` element names exactly one final probability field.
///
/// **Rows that cannot be scored.** Where the PMML rules say a row has no valid result — an
/// invalid value under `invalidValueTreatment="returnInvalid"` (the default; an unseen
/// category is invalid when the `DataField` lists its valid values), a missing value under
/// `missingValueTreatment="returnInvalid"`, a tree with no prediction, a division by zero
/// in an `Apply` — the margin is NaN, never a substitute number. ``rowIssues(_:)`` says
/// why for each such row, and ``validate(_:)`` throws on the first.
///
/// **Arithmetic.** In `Double`, except where the document asks for `Float`:
/// `x-mathContext="float"` on a model, and fields of `dataType="float"`, as
/// jpmml-evaluator does.
public struct PMMLModel: ScoringModel, Sendable {
  /// The inputs, in the model's order.
  public let features: [ModelFeature]
  /// What the model predicts.
  public let task: ModelTask
  /// The map from margin to response (see the type's discussion).
  public let outputTransform: OutputTransform
  /// A short description for reports.
  public let summary: String
  /// The model file, as the loader was given it.
  public let file: String
  /// `PMML@version`.
  public let version: String
  /// The top-level model element (`TreeModel`, `MiningModel`, …).
  public let modelElement: String
  /// The top-level `modelName`, if any.
  public let modelName: String?
  /// The active fields, one per feature.
  public let inputFields: [PMMLInputField]
  /// The target field, if the `MiningSchema` names one.
  public let targetField: String?
  /// For a classifier, the target categories `[negative, positive]`; empty for regression.
  public let targetCategories: [String]
  /// Every `TreeModel` of the document, in document order (ensemble members included).
  public let trees: [PMMLTree]
  /// The top-level `Scorecard`'s structure, if the model is one.
  public let scorecard: PMMLScorecard?

  let program: PMMLProgram
  let slotFeatures: [Set<Int>]

  init(compiled: PMMLCompiledDocument, document: PMMLXMLDocument, file: String) throws {
    guard !compiled.inputs.isEmpty else {
      throw ModelError(
        .invalidStructure, file: file, line: document.line(of: compiled.modelElement),
        place: document.path(of: compiled.modelElement),
        message: "the model has no active fields; FairGate scores models of at least one input")
    }
    self.file = file
    self.program = compiled.program
    self.slotFeatures = compiled.slotFeatures
    self.version = compiled.version
    self.modelElement = document.name(of: compiled.modelElement)
    self.modelName = document.attribute("modelName", of: compiled.modelElement)
    self.targetField = compiled.targetField
    self.targetCategories = compiled.categories
    self.trees = compiled.trees
    let root = compiled.program.root
    self.task = root.function == .classification ? .binaryClassification : .regression
    self.outputTransform = root.isLogitLinked ? .logistic : .identity
    if case .scorecard(let body) = root.body {
      self.scorecard = body.description
    } else {
      self.scorecard = nil
    }
    var fields: [PMMLInputField] = []
    var features: [ModelFeature] = []
    for (input, rule) in zip(compiled.inputs, compiled.rules) {
      let treatment = rule.invalidTreatment
      let replacement = document.attribute("missingValueReplacement", of: input.miningField)
      let isText = input.field.dataType == .string || input.field.dataType == .boolean
      fields.append(
        PMMLInputField(
          name: input.name, dataType: input.field.dataType, opType: input.opType,
          levels: rule.isCategorical ? rule.levels : [],
          declaredValidValues: input.field.validValues, invalidValueTreatment: treatment,
          missingValueReplacement: replacement,
          preferredColumnType: isText ? .categorical : .numeric))
      features.append(
        ModelFeature(
          name: input.name, kind: rule.isCategorical ? .categorical(levels: rule.levels) : .numeric)
      )
    }
    self.inputFields = fields
    self.features = features
    var summary = "PMML \(compiled.version) \(modelElement)"
    summary += task == .regression ? " (regression" : " (binary classification"
    if !compiled.trees.isEmpty {
      summary += ", \(compiled.trees.count) tree\(compiled.trees.count == 1 ? "" : "s")"
    }
    summary += ")"
    self.summary = summary
  }

  /// The column types that make a data file feed this model as PMML compares values.
  ///
  /// See ``PMMLInputField/preferredColumnType``. Pass it as `CSVOptions.columnTypes`.
  public var preferredColumnTypes: [String: ColumnType] {
    Dictionary(
      inputFields.map { ($0.name, $0.preferredColumnType) }, uniquingKeysWith: { a, _ in a })
  }

  /// The positive class of a classifier, `nil` for regression.
  public var positiveCategory: String? { targetCategories.last }

  /// Writes one margin per row of `batch` into `margins`; NaN for rows that cannot be
  /// scored (see ``rowIssues(_:)``).
  ///
  /// - Complexity: O(*n*·*s*) for *n* rows and a document of *s* elements on the path a
  ///   row takes.
  public func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) {
    precondition(
      batch.featureCount == features.count,
      "'batch' has \(batch.featureCount) features; the model reads \(features.count)")
    let rowCount = batch.rowCount
    margins = [Double](repeating: .nan, count: rowCount)
    var context = PMMLRowContext(program: program, batch: batch)
    for row in 0..<rowCount {
      context.begin(row: row)
      let prediction = context.predict(program.root)
      margins[row] = context.failure == nil ? margin(of: prediction) : .nan
    }
  }

  /// The margin of a prediction under the model's output rule.
  func margin(of prediction: PMMLPrediction) -> Double {
    switch task {
    case .regression: prediction.value
    case .binaryClassification:
      outputTransform == .logistic ? prediction.logOdds : prediction.probability
    }
  }
}
