public import FairAttribution

/// The `fairgate importance` result as a versioned document (`fairgate.importance/1`), most
/// important feature first.
public struct ImportanceDocument: Codable, Sendable, Equatable {
  /// The schema version written in every document.
  public static let schemaVersion = "fairgate.importance/1"

  /// One feature's importance.
  public struct Entry: Codable, Sendable, Equatable {
    /// The feature (or group) name.
    public var feature: String
    /// The mean drop of the metric over the repeats.
    public var mean: Double
    /// The standard deviation of the drop over the repeats.
    public var standardDeviation: Double
  }

  /// The schema version, ``schemaVersion``.
  public var schema = ImportanceDocument.schemaVersion
  /// The metric's name.
  public var metric: String
  /// The metric on the unshuffled data.
  public var baselineScore: Double
  /// The shuffles per feature.
  public var repeats: Int
  /// The seed of the shuffles.
  public var seed: UInt64
  /// The features, most important first (ties in feature order).
  public var features: [Entry]

  /// Creates the document of `result`.
  ///
  /// - Parameters:
  ///   - result: The importances.
  ///   - metric: The metric's name.
  ///   - seed: The seed of the shuffles.
  public init(_ result: PermutationImportanceResult, metric: String, seed: UInt64) {
    let means = result.means
    let deviations = result.standardDeviations
    let order = means.indices.sorted {
      means[$0] > means[$1] || (means[$0] == means[$1] && $0 < $1)
    }
    self.metric = metric
    self.baselineScore = result.baselineScore
    self.repeats = result.repeats
    self.seed = seed
    self.features = order.map {
      Entry(feature: result.featureNames[$0], mean: means[$0], standardDeviation: deviations[$0])
    }
  }

  /// The CSV form: `feature,importance_mean,importance_std`, most important first.
  public var csv: String {
    var writer = CSVWriter(header: ["feature", "importance_mean", "importance_std"])
    for entry in features {
      writer.appendRow([
        CSVWriter.field(entry.feature), CSVWriter.number(entry.mean),
        CSVWriter.number(entry.standardDeviation),
      ])
    }
    return writer.text
  }
}
