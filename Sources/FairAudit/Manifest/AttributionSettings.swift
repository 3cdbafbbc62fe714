public import FairAttribution
public import FairModels
package import FairPolicy

/// The `attributions:` section of a manifest: how features' contributions are computed when
/// a rule needs them.
///
/// ```yaml
/// attributions:
///   method: auto                  # auto | tree-path | tree-interventional | linear | kernel |
///                                 # permutation | lime | integrated-gradients
///   output: margin                # margin | probability
///   background: {rows: 100}       # or {file: background.csv, rows: 50}
///   samples: 2048                 # sampling methods only
/// ```
///
/// Attributions are computed only when some rule of the audit's policies reads them.
public struct AttributionSettings: Sendable, Equatable {
  /// The method.
  public var method: AttributionMethod
  /// The output space the attributions add up to.
  public var output: OutputSpace
  /// Where background rows come from, for the methods that need them.
  public var background: BackgroundSource
  /// The sample budget of a sampling method, or `nil` for the method's default.
  public var samples: Int?

  /// Where the `attributions:` section starts, if it is written.
  package var position: SourcePosition?
  /// Where the method is written.
  package var methodPosition: SourcePosition?
  /// Where the background file's path is written.
  package var backgroundFilePosition: SourcePosition?

  /// The settings of a manifest without an `attributions:` section: `auto`, margin space,
  /// 100 background rows sampled from the data, the method's default sample budget.
  public static let standard = AttributionSettings(
    method: .auto, output: .margin,
    background: .sample(rows: BackgroundSource.defaultRowCount), samples: nil)

  /// Creates settings.
  public init(
    method: AttributionMethod, output: OutputSpace, background: BackgroundSource, samples: Int?
  ) {
    self.method = method
    self.output = output
    self.background = background
    self.samples = samples
  }

  /// Settings are equal when their method, output, background and samples are.
  public static func == (lhs: AttributionSettings, rhs: AttributionSettings) -> Bool {
    lhs.method == rhs.method && lhs.output == rhs.output && lhs.background == rhs.background
      && lhs.samples == rhs.samples
  }
}
