public import FairModels

/// A method that attributes a model's output for each row to the model's input features.
///
/// Explainers work on whole matrices, so that dynamic dispatch happens once per call and the
/// work can be cut into fixed-size row chunks that run in parallel. For every explainer the
/// result is identical for any thread count: chunks never depend on `options.threads`, and
/// each row's sums are formed in a fixed order.
///
/// Exact methods (``TreeSHAP``, ``InterventionalTreeSHAP``, ``LinearSHAP``) ignore
/// ``ExplainOptions/seed``; sampling methods derive one seed per chunk from it.
public protocol Explainer: Sendable {
  /// The names of the attribution columns, in order.
  var featureNames: [String] { get }

  /// The output spaces this explainer can attribute.
  var supportedOutputs: Set<OutputSpace> { get }

  /// Attributes the model's output for every row of `matrix`.
  ///
  /// - Parameters:
  ///   - matrix: The rows to explain, bound to the model's features.
  ///   - options: Output space, thread count and seed.
  /// - Returns: One attribution per row and feature, with base values and predictions.
  /// - Throws: ``AttributionError`` when `matrix` does not fit the model or the output space
  ///   is not supported.
  /// - Complexity: Depends on the method; see each conforming type.
  func explain(_ matrix: FeatureMatrix, options: ExplainOptions) throws -> Attributions
}

extension Explainer {
  /// Attributes the model's output for every row of `matrix` in margin space.
  ///
  /// - Parameters:
  ///   - matrix: The rows to explain, bound to the model's features.
  ///   - threads: The number of worker threads, at least 1.
  /// - Returns: One attribution per row and feature, with base values and predictions.
  /// - Throws: ``AttributionError`` when `matrix` does not fit the model.
  /// - Complexity: Depends on the method; see each conforming type.
  public func explain(_ matrix: FeatureMatrix, threads: Int) throws -> Attributions {
    try explain(matrix, options: ExplainOptions(threads: threads))
  }

  /// Throws unless `matrix` has `featureCount` columns and `output` is supported; `hint`
  /// (lower-case, no final period) follows the unsupported-output message.
  func validate(
    _ matrix: FeatureMatrix, featureCount: Int, output: OutputSpace, hint: String? = nil
  ) throws {
    guard matrix.featureCount == featureCount else {
      throw AttributionError(
        .featureMismatch,
        message: "the rows have \(matrix.featureCount) features; the model reads \(featureCount)"
      )
    }
    guard supportedOutputs.contains(output) else {
      let names = supportedOutputs.map(\.rawValue).sorted().joined(separator: ", ")
      throw AttributionError(
        .unsupportedOutput,
        message: "this method attributes the '\(names)' output, not '\(output.rawValue)'"
          + (hint.map { "; " + $0 } ?? ""))
    }
  }
}
