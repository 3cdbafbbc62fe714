import Foundation
import Testing
import _FairTestSupport

/// The reference values of `fixtures/loss/expressions.json`.
///
/// `fixtures/generate/loss_expressions.py` computed them with numpy 2.4.6 (each expression
/// rewritten by hand as a numpy function) and scikit-learn 1.9.0 (`log_loss`,
/// `brier_score_loss`, `hinge_loss` per row), and the focal loss from Lin et al.'s formula in
/// numpy. Non-finite values are stored as "nan", "inf", "-inf".
struct LossReference: Decodable, Sendable {
  struct Meta: Decodable, Sendable {
    let numpy: String
    let sklearn: String
    let epsilon: Double

    enum CodingKeys: String, CodingKey {
      case numpy
      case sklearn = "scikit-learn"
      case epsilon
    }
  }

  struct Rows: Decodable, Sendable {
    let y: [Double]
    let p: [Double]
    let m: [Double]
  }

  /// One expression: FairGate's text, its constants and numpy's value on every row.
  struct Expression: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let constants: [String: Double]
    let values: [Double]

    var testDescription: String { name }
  }

  /// One built-in loss: its name and parameters, where the values come from, and the values.
  struct BuiltIn: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let parameters: [String: Double]
    let source: String
    let values: [Double]

    var testDescription: String {
      name + parameters.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
    }
  }

  let meta: Meta
  let rows: Rows
  let expressions: [Expression]
  let builtins: [BuiltIn]

  /// The decoded file, read once per test process.
  private static let cached = Result { try load() }

  /// The decoded file.
  ///
  /// - Throws: If the file is missing or malformed.
  static func shared() throws -> LossReference {
    try cached.get()
  }

  /// The cases of one section, or none if the file cannot be read (then
  /// `LossExpressionTests.referenceLoads` fails).
  static func cases<Case>(_ section: (LossReference) -> [Case]) -> [Case] {
    (try? shared()).map(section) ?? []
  }

  private static func load() throws -> LossReference {
    let path = FixturePaths.fixture("loss/expressions.json")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(LossReference.self, from: data)
  }
}
