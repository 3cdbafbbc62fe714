public import FairModels
package import FairPolicy

/// The `model:` section of a manifest: a model file or a scoring command.
///
/// ```yaml
/// model:
///   file: model.json          # XGBoost JSON, LightGBM text or PMML, relative to the manifest
///   link: logistic            # only for a custom objective: identity | logistic
/// ```
///
/// or
///
/// ```yaml
/// model:
///   command: "python score.py"
///   features: [income, debt_ratio, tenure]
///   output: probability       # probability | margin
///   batch_size: 5000
///   timeout: 120              # seconds per run
/// ```
public struct ModelDeclaration: Sendable, Equatable {
  /// Where the model comes from; a file path is resolved against the manifest's folder.
  public var source: ModelSource
  /// The path as written in the manifest, for a file.
  public var writtenPath: String?

  /// Where the `model:` section starts.
  package var position: SourcePosition
  /// Where the file path or the command is written.
  package var valuePosition: SourcePosition
  /// Where each of a command's `features` is written, in order.
  package var featurePositions: [SourcePosition]

  /// Creates a declaration.
  package init(
    source: ModelSource, writtenPath: String?, position: SourcePosition,
    valuePosition: SourcePosition, featurePositions: [SourcePosition] = []
  ) {
    self.source = source
    self.writtenPath = writtenPath
    self.position = position
    self.valuePosition = valuePosition
    self.featurePositions = featurePositions
  }
}
