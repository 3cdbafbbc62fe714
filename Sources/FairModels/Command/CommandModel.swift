import RealModule

/// A model behind a shell command: rows go to the command as CSV, scores come back as text.
///
/// For every batch of at most ``batchSize`` rows, FairGate runs `/bin/sh -c "<command>"`
/// once, writes the rows to its standard input and reads its standard output.
///
/// **Input.** CSV with a header line of the feature names, then one line per row: numbers in
/// Swift's shortest round-trip form, missing values as empty fields, categorical features as
/// their level text (a category the model has no level for is written as an empty field,
/// because its text is not kept). Fields are quoted per RFC 4180 when needed; lines end in
/// `\n`.
///
/// **Output.** One number per row and line, in row order, optionally after a header line
/// `prediction` or `score`. The command declares what the numbers are (``Output``):
///
/// - ``Output/margin``: the numbers are margins (log-odds for a classifier, values for a
///   regressor), used as they are.
/// - ``Output/probability``: the numbers are probabilities of the positive class. FairGate
///   stores the margin `logit(p)` with `p` clamped to `[1e-15, 1 − 1e-15]`, and the output
///   transform is logistic, so probabilities come back as given (up to rounding, and up to
///   the clamp for exact 0 and 1), and margin-space explanations are in log-odds.
///
/// **Failures.** A command that cannot be started, exits with a non-zero status, is killed by
/// a signal or runs past ``timeout`` makes ``scoreMargins(_:into:)`` throw a `ModelError`
/// of kind `unreadable` with the tail of the command's standard error (at most 2,000
/// characters). Output that is not a number, or not one per row, throws kind `malformed`
/// with the 1-based line of standard output where the problem is. On timeout the command's
/// whole process group (the shell and everything it started) is killed with `SIGKILL`.
///
/// **Batching.** Each call runs a process, so callers should pass large batches: the
/// model-agnostic explainers build all perturbed rows of a block of explained rows and score
/// them with one call.
public struct CommandModel: ScoringModel {
  /// What the numbers a command prints are.
  public enum Output: String, Sendable, Hashable, Codable, CaseIterable {
    /// Margins: log-odds for a classifier, values for a regressor.
    case margin
    /// Probabilities of the positive class, in `[0, 1]`.
    case probability
  }

  /// The default largest number of rows sent to one run of the command.
  public static let defaultBatchSize = 10_000
  /// The default time one run of the command may take.
  public static let defaultTimeout: Duration = .seconds(60)
  /// The distance from 0 and 1 at which probabilities are clamped before taking the logit.
  public static let probabilityClamp = 1e-15

  /// The shell command, run as `<shell> -c <command>`.
  public let command: String
  /// The inputs, in the order of the CSV columns.
  public let features: [ModelFeature]
  /// What the model predicts.
  public let task: ModelTask
  /// What the command prints.
  public let outputIs: Output
  /// Logistic for classifiers, identity for regressors.
  public let outputTransform: OutputTransform
  /// The largest number of rows sent to one run of the command.
  public let batchSize: Int
  /// The time one run of the command may take.
  public let timeout: Duration
  /// The shell that runs the command.
  public let shell: String
  /// The working directory of the command; `nil` keeps the current one.
  public let workingDirectory: String?
  /// The environment of the command; `nil` inherits the current one.
  public let environment: [String: String]?

  private let encoder: CommandCSVEncoder

  /// A short description for reports.
  public var summary: String { "command '\(command)' (\(outputIs.rawValue) output)" }

  /// Creates a model behind a command.
  ///
  /// - Parameters:
  ///   - command: The shell command.
  ///   - features: The inputs, in the order of the CSV columns.
  ///   - outputIs: Whether the command prints margins or probabilities.
  ///   - task: What the model predicts; probabilities need a binary classifier.
  ///   - batchSize: The largest number of rows sent to one run; 10,000 by default.
  ///   - timeout: The time one run may take; 60 s by default.
  ///   - shell: The shell; `/bin/sh` by default.
  ///   - workingDirectory: The working directory of the command; `nil` keeps the current one.
  ///   - environment: The environment of the command; `nil` inherits the current one.
  /// - Throws: `ModelError` of kind `unsupported` when probabilities are declared for a
  ///   regressor, the batch size is below 1 or the timeout is not positive.
  public init(
    command: String, features: [ModelFeature], outputIs: Output,
    task: ModelTask = .binaryClassification, batchSize: Int = CommandModel.defaultBatchSize,
    timeout: Duration = CommandModel.defaultTimeout, shell: String = "/bin/sh",
    workingDirectory: String? = nil, environment: [String: String]? = nil
  ) throws {
    func reject(_ message: String) -> ModelError {
      ModelError(.unsupported, file: command, message: message)
    }
    guard outputIs == .margin || task == .binaryClassification else {
      throw reject("a command that prints probabilities must be a binary classifier")
    }
    guard batchSize >= 1 else { throw reject("the batch size \(batchSize) must be at least 1") }
    guard timeout > .zero else { throw reject("the timeout \(timeout) must be positive") }
    guard !features.isEmpty else { throw reject("the command model needs at least one feature") }
    self.command = command
    self.features = features
    self.task = task
    self.outputIs = outputIs
    self.outputTransform = task == .binaryClassification ? .logistic : .identity
    self.batchSize = batchSize
    self.timeout = timeout
    self.shell = shell
    self.workingDirectory = workingDirectory
    self.environment = environment
    encoder = CommandCSVEncoder(features: features)
  }

  /// Scores `batch` by running the command once per ``batchSize`` rows.
  ///
  /// - Parameters:
  ///   - batch: Rows in ``features`` order.
  ///   - margins: Receives `batch.rowCount` margins.
  /// - Throws: `ModelError` when a run fails, times out or prints something other than one
  ///   number per row; no partial result is kept.
  /// - Complexity: ⌈*n* / ``batchSize``⌉ runs of the command, plus O(*n*·*m*) to encode and
  ///   parse.
  public func scoreMargins(_ batch: RowBatch, into margins: inout [Double]) throws {
    precondition(
      batch.featureCount == features.count,
      "'batch.featureCount' \(batch.featureCount) differs from the model's \(features.count)")
    let rowCount = batch.rowCount
    var result: [Double] = []
    result.reserveCapacity(rowCount)
    var start = 0
    while start < rowCount {
      let stop = min(rowCount, start + batchSize)
      let lower = batch.values.startIndex + start * batch.featureCount
      let upper = batch.values.startIndex + stop * batch.featureCount
      let part = RowBatch(values: batch.values[lower..<upper], featureCount: batch.featureCount)
      result.append(contentsOf: try run(part))
      start = stop
    }
    margins = result
  }

  /// Runs the command on one batch and returns its margins.
  private func run(_ batch: RowBatch) throws(ModelError) -> [Double] {
    let input = encoder.encode(batch)
    let outcome: CommandOutcome
    do {
      outcome = try CommandProcess.run(
        shell: shell, command: command, input: input, timeout: timeout,
        workingDirectory: workingDirectory, environment: environment)
    } catch {
      switch error {
      case .launch(let message), .io(let message):
        throw ModelError(.unreadable, file: command, message: message)
      case .timeout(let standardError):
        throw ModelError(
          .unreadable, file: command,
          message: "the command did not finish within \(timeout) and was killed"
            + CommandModel.standardErrorNote(standardError))
      }
    }
    guard !outcome.wasSignalled && outcome.status == 0 else {
      let how =
        outcome.wasSignalled
        ? "was killed by signal \(outcome.status)" : "exited with status \(outcome.status)"
      throw ModelError(
        .unreadable, file: command,
        message: "the command \(how)" + CommandModel.standardErrorNote(outcome.standardError))
    }
    let numbers: [Double]
    do {
      numbers = try CommandOutputParser.parse(
        outcome.standardOutput, expectedCount: batch.rowCount,
        probabilities: outputIs == .probability)
    } catch {
      throw ModelError(
        .malformed, file: command, line: error.line, place: "standard output",
        message: error.message + CommandModel.standardErrorNote(outcome.standardError))
    }
    guard outputIs == .probability else { return numbers }
    let low = CommandModel.probabilityClamp
    return numbers.map { p in
      let clamped = min(max(p, low), 1 - low)
      return Double.log(clamped / (1 - clamped))
    }
  }

  /// `"; standard error: '…'"` with the tail of `bytes`, or nothing when it is empty.
  static func standardErrorNote(_ bytes: [UInt8]) -> String {
    var text = String(decoding: bytes, as: UTF8.self)
    text = trimmedWhitespace(text)
    guard !text.isEmpty else { return "" }
    let limit = 2000
    if text.count > limit { text = "…" + String(text.suffix(limit)) }
    text = text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " | ")
    return "; standard error: '\(text)'"
  }

  /// `text` without leading and trailing spaces, tabs and line breaks.
  private static func trimmedWhitespace(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
      let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[first...last])
  }
}
