import ArgumentParser
import FairModels
import FairTabular
import Foundation
import _FairSupport

/// The model a command scores: a model file, or a command that scores CSV rows.
struct ModelOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The model file: XGBoost JSON, LightGBM text or PMML (recognised from the content).",
      valueName: "path"))
  var model: String?

  @Option(
    name: .customLong("model-command"),
    help: ArgumentHelp(
      "A shell command that reads CSV rows (with a header) on stdin and prints one score per "
        + "row on stdout.", valueName: "command"))
  var modelCommand: String?

  @Option(
    help: ArgumentHelp(
      "With '--model-command': the comma-separated columns it reads, in order.",
      valueName: "a,b,c"))
  var features: String?

  @Option(
    name: .customLong("command-output"),
    help: "With '--model-command': whether it prints probabilities or margins.")
  var commandOutput: CommandModel.Output = .probability

  @Option(
    name: .customLong("command-task"),
    help: "With '--model-command': what the model predicts.")
  var commandTask: ModelTask = .binaryClassification

  @Option(
    name: .customLong("batch-size"),
    help: ArgumentHelp(
      "With '--model-command': the most rows sent to one run of the command.", valueName: "n"))
  var batchSize: Int = CommandModel.defaultBatchSize

  @Option(
    help: ArgumentHelp(
      "With '--model-command': seconds one run may take before it is stopped.",
      valueName: "seconds"))
  var timeout: Double = 60

  func validate() throws {
    switch (model, modelCommand) {
    case (nil, nil):
      throw ValidationError("give a model with '--model' or '--model-command'")
    case (.some, .some):
      throw ValidationError("'--model' and '--model-command' cannot be used together")
    case (nil, .some):
      guard let features, !features.isEmpty else {
        throw ValidationError("'--model-command' needs '--features' naming the columns it reads")
      }
      guard batchSize >= 1 else {
        throw ValidationError("'--batch-size' must be 1 or more, not \(batchSize)")
      }
      guard timeout > 0 && timeout.isFinite else {
        throw ValidationError("'--timeout' must be a positive number of seconds, not \(timeout)")
      }
    case (.some, nil):
      if features != nil {
        throw ValidationError("'--features' is only valid with '--model-command'")
      }
    }
  }

  /// The model these options name, for data already read (``BoundRows`` reads a model file
  /// first, so that the data is read with the model's column types).
  ///
  /// A command model reads the columns named by `--features`; each is categorical when
  /// the data holds it as text, so the command receives the labels it was trained on.
  ///
  /// - Parameters:
  ///   - dataset: The data that will be scored, for the kinds of a command's features.
  ///   - file: The data file's path, for messages.
  func load(for dataset: Dataset, file: String) throws -> any ScoringModel {
    if let model { return try ModelLoader.load(contentsOf: model) }
    let names = (features ?? "").split(separator: ",").map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    let kinds = try names.map { name -> ModelFeature in
      guard let column = dataset.column(named: name) else {
        var message = "'--features' names a column '\(name)', which the file does not have"
        if let near = closestMatch(to: name, among: dataset.columnNames) {
          message += "; did you mean '\(near)'?"
        }
        throw DataError(.unknownColumn, file: file, message: message)
      }
      if let labels = column.categorical {
        return ModelFeature(name: name, kind: .categorical(levels: labels.levels))
      }
      return ModelFeature(name: name)
    }
    return try CommandModel(
      command: modelCommand ?? "", features: kinds, outputIs: commandOutput, task: commandTask,
      batchSize: batchSize, timeout: .milliseconds(Int64(timeout * 1000)))
  }

  /// Throws unless `output` is meaningful for `model`.
  func check(output: OutputSpace, for model: any ScoringModel) throws {
    if output == .probability && model.task != .binaryClassification {
      throw ValidationError(
        "'--output probability' needs a binary classifier; \(model.summary) is a regressor")
    }
  }
}
