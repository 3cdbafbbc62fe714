import FairMetrics
import FairModels
import Foundation
import Testing
import _FairSupport
import _FairTestSupport

/// Loss and expected cost per slice against the independent computation of
/// `fixtures/generate/loss_audit.py` (`fixtures/loss/loss-per-slice.json`: numpy from the
/// libraries' margins, sums by `math.fsum`).
///
/// Tolerance 1e-12 relative: both sides read the same float32 margins as exact doubles and
/// apply the same float64 formulas; what differs is the order of the sums (exact here, `fsum`
/// there, both correctly rounded) and `exp`/`log` implementations (within an ulp each).
@Suite struct LossMetricsReferenceTests {
  /// The reference document.
  static func reference() throws -> [String: Any] {
    let path = FixturePaths.repositoryRoot() + "/fixtures/loss/loss-per-slice.json"
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The evidence of a fixture model under the declared loss and the per-slice cost matrix.
  func evidence(model: String, link: ModelLink?, loss: LossFunction, threads: Int = 2) throws
    -> Evidence
  {
    let root = FixturePaths.repositoryRoot() + "/fixtures/loss/"
    let attributes = [
      ProtectedAttribute(name: "sex", source: .column("sex"), reference: "male"),
      ProtectedAttribute(name: "thin_file", source: .column("thin_file"), reference: "no"),
    ]
    let request = EvidenceRequest(
      data: root + "credit.csv",
      outputs: .model(.file(root + model, link: link), rule: DecisionRule()),
      idColumn: "applicant_id", label: "repaid", favourableLabel: "good",
      loss: LossDeclaration(
        loss: loss,
        costs: CostMatrix(
          costs: .init(falsePositive: 5, falseNegative: 1), column: "thin_file",
          overrides: ["yes": .init(falsePositive: 5, falseNegative: 2)])),
      configuration: Evidence.Configuration(
        attributes: attributes,
        groupings: Evidence.Configuration.groupings(attributes: attributes, intersections: []),
        bootstrapReplicates: 200, seed: 7))
    return try EvidenceBuilder.build(request, seed: 7, threads: threads).evidence
  }

  func expectClose(
    _ actual: Double?, _ expected: Any?, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let wanted = (expected as? Double) ?? (expected as? Int).map(Double.init) ?? .nan
    let value = actual ?? .nan
    #expect(
      abs(value - wanted) <= 1e-12 * max(1, abs(wanted)), "\(what): \(value) vs \(wanted)",
      sourceLocation: sourceLocation)
  }

  func check(_ evidence: Evidence, block: [String: Any], loss lossName: String) throws {
    let metrics = try evidence.lossMetrics()
    let groupings = try #require(block["groupings"] as? [String: Any])
    for grouping in ["sex", "thin_file"] {
      let expected = try #require(groupings[grouping] as? [String: Any])
      let slices = try #require(expected["slices"] as? [String: Any])
      let actual = try #require(metrics.first { $0.grouping == grouping })
      #expect(actual.reference == expected["reference"] as? String)
      for (name, value) in slices {
        let want = try #require(value as? [String: Any])
        let losses = try #require(want["losses"] as? [String: Any])
        let loss = try #require(losses[lossName] as? [String: Any])
        let slice = try #require(actual.slice(named: name))
        let label = "\(grouping)=\(name)"
        #expect(slice.rows == want["rows"] as? Int, "\(label) rows")
        expectClose(slice.rowShare, want["row_share"], "\(label) row share")
        expectClose(slice.loss?.mean, loss["mean_loss"], "\(label) mean loss")
        expectClose(slice.loss?.share, loss["loss_share"], "\(label) loss share")
        expectClose(
          slice.loss?.shareRatio, loss["loss_share_over_row_share"], "\(label) loss share ratio")
        expectClose(slice.loss?.ratio, loss["loss_ratio"], "\(label) loss ratio")
        expectClose(slice.loss?.difference, loss["loss_difference"], "\(label) loss difference")
        expectClose(slice.cost?.mean, want["mean_cost"], "\(label) mean cost")
        expectClose(slice.cost?.share, want["cost_share"], "\(label) cost share")
        expectClose(slice.cost?.ratio, want["cost_ratio"], "\(label) cost ratio")
        expectClose(slice.cost?.difference, want["cost_difference"], "\(label) cost difference")
        // Every interval brackets its figure.
        if let interval = slice.loss?.meanInterval, let mean = slice.loss?.mean {
          #expect(interval.lower <= mean && mean <= interval.upper, "\(label) loss interval")
        }
      }
    }
  }

  @Test(arguments: ["weighted_log_loss", "log_loss", "focal"])
  func plainModelMatchesTheIndependentComputation(_ name: String) throws {
    let loss: LossFunction =
      switch name {
      case "weighted_log_loss": .weightedLogLoss(positiveWeight: 1, negativeWeight: 3)
      case "focal": .focal(gamma: 2, alpha: 0.25)
      default: .logLoss
      }
    try check(
      try evidence(model: "plain.json", link: nil, loss: loss), block: try Self.reference(),
      loss: name)
  }

  @Test func customObjectiveModelMatchesWithItsDeclaredLink() throws {
    let block = try #require(try Self.reference()["focal_model"] as? [String: Any])
    try check(
      try evidence(
        model: "focal.json", link: .logistic,
        loss: .weightedLogLoss(positiveWeight: 1, negativeWeight: 3)),
      block: block, loss: "weighted_log_loss")
  }

  @Test func lossMetricsMergeExactlyAcrossThreadCounts() throws {
    let loss = LossFunction.weightedLogLoss(positiveWeight: 1, negativeWeight: 3)
    let one = try evidence(model: "plain.json", link: nil, loss: loss, threads: 1).lossMetrics()
    let three = try evidence(model: "plain.json", link: nil, loss: loss, threads: 3).lossMetrics()
    #expect(one == three)
  }
}
