import Foundation
import _FairTestSupport

/// The reference values of `fixtures/statistics/reference.json`.
///
/// `fixtures/generate/generate_statistics.py` computed them with scipy 1.17.1, statsmodels
/// 0.15.0, scikit-learn 1.9.0 and numpy 2.4.6 (the versions are repeated in the file's
/// `meta`), or from the formula in numpy where no library has the weighted variant; the
/// script's docstring says which. Non-finite values are stored as "nan", "inf", "-inf".
struct StatisticsReference: Decodable, Sendable {
  struct Meta: Decodable, Sendable {
    let scipy: String
    let statsmodels: String
    let sklearn: String

    enum CodingKeys: String, CodingKey {
      case scipy
      case statsmodels
      case sklearn = "scikit-learn"
    }
  }

  struct FsumCase: Decodable, Sendable {
    let name: String
    /// `float.hex()` strings.
    let values: [String]
    let expected: String
  }

  struct NormalPoint: Decodable, Sendable {
    let x: Double
    /// scipy's `norm.cdf` and `norm.sf`.
    let cdf: Double
    let sf: Double
    /// Φ(x) and 1 - Φ(x) in 110-digit decimal arithmetic, rounded to `Double`.
    let exactCdf: Double
    let exactSf: Double
  }

  struct NormalQuantile: Decodable, Sendable {
    let p: Double
    let ppf: Double
    let isf: Double
  }

  struct NormalCases: Decodable, Sendable {
    let distribution: [NormalPoint]
    let quantiles: [NormalQuantile]
  }

  struct WilsonCase: Decodable, Sendable {
    let count: Double
    let nobs: Double
    let alpha: Double
    let lower: Double
    let upper: Double
  }

  struct ZTestCase: Decodable, Sendable {
    let referenceSelected: Double
    let referenceTotal: Double
    let focalSelected: Double
    let focalTotal: Double
    let z: Double
    let p: Double
  }

  struct FisherCase: Decodable, Sendable, CustomStringConvertible {
    let table: [[Int]]
    let name: String?
    let twoSided: Double
    let less: Double
    let greater: Double
    let oddsRatio: Double

    enum CodingKeys: String, CodingKey {
      case table
      case name
      case twoSided = "two-sided"
      case less
      case greater
      case oddsRatio
    }

    var description: String { "\(name ?? "table") \(table)" }
  }

  struct HolmCase: Decodable, Sendable {
    let pValues: [Double]
    let adjusted: [Double]
  }

  struct CramersCase: Decodable, Sendable {
    let table: [[Double]]
    let value: Double
    let source: String
  }

  struct NMICase: Decodable, Sendable {
    let first: [Int32]
    let second: [Int32]
    let weights: [Double]?
    let value: Double
    let source: String
  }

  struct CorrelationRatioCase: Decodable, Sendable {
    let values: [Double]
    let codes: [Int32]
    let weights: [Double]?
    let value: Double
  }

  struct CalibrationReference: Decodable, Sendable {
    let value: Double
    let binWeight: [Double]
    let binMeanScore: [Double]
    let binObservedRate: [Double]
  }

  struct ClassificationCase: Decodable, Sendable {
    let labels: [Int]
    let scores: [Double]
    let weights: [Double]?
    let auc: Double
    let logLoss: Double
    let brier: Double
    let ece: CalibrationReference

    var booleanLabels: [Bool] { labels.map { $0 == 1 } }
  }

  struct PercentileCase: Decodable, Sendable {
    let values: [Double]
    let alpha: Double
    let lower: Double
    let upper: Double
    let nanCount: Int
  }

  struct PoissonRow: Decodable, Sendable {
    /// Decimal strings, as JSON numbers cannot hold every `UInt64`.
    let seed: String
    let row: String
    let weights: [UInt32]
  }

  struct PoissonCases: Decodable, Sendable {
    let thresholds: [UInt64]
    let rows: [PoissonRow]
  }

  struct WorkedExample: Decodable, Sendable {
    let name: String
    let referenceSelected: Double
    let referenceTotal: Double
    let focalSelected: Double
    let focalTotal: Double
    let impactRatio: Double
    let z: Double
    let zPValue: Double
    let fisherPValue: Double
    let oddsRatio: Double
    let shortfall: Double
  }

  let meta: Meta
  let fsum: [FsumCase]
  let normal: NormalCases
  let wilson: [WilsonCase]
  let zTest: [ZTestCase]
  let fisher: [FisherCase]
  let holm: [HolmCase]
  let cramersV: [CramersCase]
  let nmi: [NMICase]
  let correlationRatio: [CorrelationRatioCase]
  let classification: [ClassificationCase]
  let percentile: [PercentileCase]
  let poisson: PoissonCases
  let workedExamples: [WorkedExample]

  /// The decoded file, read once per test process.
  private static let cached = Result { try load() }

  /// The decoded file.
  ///
  /// - Throws: If the file is missing or malformed.
  static func shared() throws -> StatisticsReference {
    try cached.get()
  }

  /// The fixture cases of one section, or none if the file cannot be read (then
  /// `StatisticsReferenceTests.referenceLoads` fails).
  static func cases<Case>(_ section: (StatisticsReference) -> [Case]) -> [Case] {
    (try? shared()).map(section) ?? []
  }

  private static func load() throws -> StatisticsReference {
    let path = FixturePaths.fixture("statistics/reference.json")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(StatisticsReference.self, from: data)
  }
}
