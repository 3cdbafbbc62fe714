import FairReports

extension SampleDocuments {
  static let lossParity = FindingsDocument.PolicyReference(
    id: "loss-parity", version: "2026.1", title: "Loss and error-cost parity")
  static let lossCitation = FindingsDocument.Citation(
    text: "Provider-defined threshold under Regulation (EU) 2024/1689, Art. 9(8)",
    kind: .providerDefined, status: .inForce, url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj")

  /// One slice's loss and cost figures; the reference slice has ratio 1 and difference 0.
  struct LossFigures {
    var slice: String
    var count: Int
    var meanLoss: Double
    var meanCost: Double?
  }

  /// The loss evidence of a grouping, with shares, ratios and differences derived from the
  /// figures and intervals of ±8% (loss) and ±12% (cost) around each derived value.
  static func lossEvidence(
    _ grouping: String, reference: String, loss: String?, costs: String?,
    _ figures: [LossFigures]
  ) -> FindingsDocument.LossEvidence {
    let rows = Double(figures.reduce(0) { $0 + $1.count })
    let totalLoss = figures.reduce(0) { $0 + $1.meanLoss * Double($1.count) }
    let totalCost = figures.reduce(0) { $0 + ($1.meanCost ?? 0) * Double($1.count) }
    let base = figures.first { $0.slice == reference }
    let around = { (value: Double, spread: Double) in
      interval(value - abs(value) * spread, value + abs(value) * spread)
    }
    return .init(
      grouping: grouping, reference: reference, loss: loss, costs: costs,
      slices: figures.map { figure in
        let isReference = figure.slice == reference
        var slice = FindingsDocument.LossEvidence.Slice(
          slice: figure.slice, count: figure.count, rowShare: Double(figure.count) / rows)
        slice.meanLoss = figure.meanLoss
        slice.meanLossInterval = around(figure.meanLoss, 0.08)
        slice.lossShare = figure.meanLoss * Double(figure.count) / totalLoss
        slice.lossShareRatio = figure.meanLoss * rows / totalLoss
        if let base {
          slice.lossRatio = figure.meanLoss / base.meanLoss
          slice.lossDifference = figure.meanLoss - base.meanLoss
          if !isReference {
            slice.lossRatioInterval = around(figure.meanLoss / base.meanLoss, 0.08)
            slice.lossDifferenceInterval = around(figure.meanLoss - base.meanLoss, 0.4)
          }
        }
        if let cost = figure.meanCost {
          slice.meanCost = cost
          slice.meanCostInterval = around(cost, 0.12)
          slice.costShare = cost * Double(figure.count) / totalCost
          slice.costShareRatio = cost * rows / totalCost
          if let baseCost = base?.meanCost {
            slice.costRatio = cost / baseCost
            slice.costDifference = cost - baseCost
            if !isReference {
              slice.costRatioInterval = around(cost / baseCost, 0.12)
              slice.costDifferenceInterval = around(cost - baseCost, 0.5)
            }
          }
        }
        return slice
      })
  }

  /// A loss gap whose feature contributions and outcome mix add up to `gap`; the last
  /// contribution is the outcome mix.
  static func lossGap(
    _ grouping: String, _ slice: String, reference: String,
    _ features: [(String, Double, FindingsDocument.Interval?)], outcomeMix: Double,
    _ mixInterval: FindingsDocument.Interval
  ) -> FindingsDocument.GapEvidence {
    let contributions =
      features.map {
        FindingsDocument.GapEvidence.Contribution(feature: $0, contribution: $1, interval: $2)
      }
      + [.init(feature: "(outcome mix)", contribution: outcomeMix, interval: mixInterval)]
    return .init(
      grouping: grouping, slice: slice, reference: reference, space: "loss",
      gap: contributions.reduce(0) { $0 + $1.contribution }, contributions: contributions)
  }

  /// A loss audit of a credit model trained with log-loss, after the demo in
  /// `fixtures/loss/audit.yaml`: a weighted log-loss and a cost matrix that prices false
  /// denials of thin-file applicants higher; loss tables for sex and thin file, and the
  /// decomposition of each slice's loss gap with its outcome mix.
  static var loss: FindingsDocument {
    var document = credit
    let findings = [
      Finding(
        policy: lossParity, rule: .init(id: "loss.ratio", title: "Mean-loss ratio"),
        metric: "loss_ratio", subject: .init(grouping: "thin_file", slice: "yes"),
        verdict: .fail, severity: .error, value: 1.0866 / 0.6239, requirement: "<= 1.5",
        interval: interval(1.5103, 1.9731), groupSize: 1_113, referenceSize: 2_887,
        citations: [lossCitation],
        message: "thin_file=yes: loss_ratio 1.742 does not meet '<= 1.5'"),
      Finding(
        policy: lossParity, rule: .init(id: "loss.ratio", title: "Mean-loss ratio"),
        metric: "loss_ratio", subject: .init(grouping: "sex", slice: "female"), verdict: .pass,
        severity: .error, value: 0.8590 / 0.6674, requirement: "<= 1.5",
        interval: interval(1.1544, 1.4164), groupSize: 1_779, referenceSize: 2_221,
        citations: [lossCitation], message: "sex=female: loss_ratio 1.287 meets '<= 1.5'"),
    ]
    document.findings = findings
    document.summary = .init(findings: findings, failOn: .error)
    document.provenance.policies = [
      .init(
        id: lossParity.id, title: lossParity.title, version: lossParity.version,
        path: "builtin:loss-parity", sha256: digest("loss-parity"))
    ]
    document.method.decisionRule = .init(
      source: .model, space: .probability, threshold: 0.5, favourable: .above)
    document.method.notes = ["The model predicts the probability of repayment."]
    document.scope.protectedAttributes = [
      .init(name: "sex", kind: .column, columns: ["sex"], reference: "male", unknownCount: 0),
      .init(
        name: "thin_file", kind: .column, columns: ["thin_file"], reference: "no",
        unknownCount: 0),
    ]
    document.scope.groupings = [
      .init(name: "sex", attributes: ["sex"], reference: "male", unknownCount: 0),
      .init(name: "thin_file", attributes: ["thin_file"], reference: "no", unknownCount: 0),
    ]
    document.provenance.model = .init(
      path: "fixtures/loss/plain.json", sha256: digest("loss-plain"),
      summary: "XGBoost gbtree, 100 trees, binary:logistic", format: "xgboost-json")
    document.method.attribution = nil
    document.scope.rows = 4_000
    document.scope.labelColumn = "repaid"
    document.provenance.data = .init(
      path: "fixtures/loss/credit.csv", sha256: digest("loss-credit"), rows: 4_000,
      rowsUsed: 4_000)
    let loss = "weighted_log_loss(negative_weight: 3.0, positive_weight: 1.0)"
    let costs = "TP 0, FP 5, TN 0, FN 1; thin_file = yes: TP 0, FP 5, TN 0, FN 2"
    document.evidence = .init(
      losses: [
        lossEvidence(
          "sex", reference: "male", loss: loss, costs: costs,
          [
            .init(slice: "female", count: 1_779, meanLoss: 0.8590, meanCost: 0.7499),
            .init(slice: "male", count: 2_221, meanLoss: 0.6674, meanCost: 0.5781),
          ]),
        lossEvidence(
          "thin_file", reference: "no", loss: loss, costs: costs,
          [
            .init(slice: "no", count: 2_887, meanLoss: 0.6239, meanCost: 0.5412),
            .init(slice: "yes", count: 1_113, meanLoss: 1.0866, meanCost: 1.0373),
          ]),
      ],
      lossGaps: [
        lossGap(
          "sex", "female", reference: "male",
          [
            ("postcode_risk", -0.1087, interval(-0.1254, -0.0909)),
            ("tenure_months", 0.0870, interval(0.0096, 0.1618)),
            ("income", -0.0337, interval(-0.0797, 0.0094)),
            ("debt_ratio", 0.0207, interval(-0.0335, 0.0729)),
            ("age", -0.0041, nil),
          ], outcomeMix: 0.2304, interval(0.0634, 0.3949)),
        lossGap(
          "thin_file", "yes", reference: "no",
          [
            ("tenure_months", -0.5562, interval(-0.6410, -0.4702)),
            ("debt_ratio", 0.0986, interval(0.0412, 0.1560)),
            ("income", -0.0749, interval(-0.1290, -0.0208)),
            ("inquiries", -0.0652, interval(-0.1001, -0.0303)),
            ("age", -0.0081, interval(-0.0190, 0.0028)),
            ("postcode_risk", -0.0058, interval(-0.0154, 0.0038)),
          ], outcomeMix: 1.0743, interval(0.8836, 1.2650)),
      ])
    return document
  }
}
