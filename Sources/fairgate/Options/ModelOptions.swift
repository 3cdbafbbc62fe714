import ArgumentParser
import FairModels
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
    help: ArgumentHelp(
      "With '--model': how the margin of a model trained with a custom objective maps to its "
        + "prediction ('identity': a regressor; 'logistic': a classifier with probability "
        + "sigmoid(margin)).", valueName: "link"))
  var link: ModelLink?

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
      break
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
      return
    }
    if link != nil {
      throw ValidationError("'--link' is only valid with '--model'")
    }
  }

  /// Whether a model was given.
  var isGiven: Bool { model != nil || modelCommand != nil }

  /// Throws unless a model was given, for commands that cannot run without one.
  func requireModel() throws {
    guard isGiven else { throw ValidationError("give a model with '--model' or '--model-command'") }
  }

  /// The model source these options name.
  ///
  /// - Throws: `ValidationError` when neither `--model` nor `--model-command` was given.
  func source() throws -> ModelSource {
    if let model { return .file(model, link: link) }
    guard modelCommand != nil else {
      throw ValidationError("give a model with '--model' or '--model-command'")
    }
    let names = (features ?? "").split(separator: ",").map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
    return .command(
      ModelSource.CommandSpecification(
        command: modelCommand ?? "", featureNames: names, output: commandOutput,
        task: commandTask, batchSize: batchSize, timeout: .milliseconds(Int64(timeout * 1000))))
  }

  /// Throws unless `output` is meaningful for `model`.
  func check(output: OutputSpace, for model: any ScoringModel) throws {
    if output == .probability && model.task != .binaryClassification {
      throw ValidationError(
        "'--output probability' needs a binary classifier; \(model.summary) is a regressor")
    }
  }
}
