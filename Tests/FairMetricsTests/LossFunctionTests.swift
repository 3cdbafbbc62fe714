import FairMetrics
import Testing
import _FairSupport
import _FairTestSupport

@Suite struct LossFunctionTests {
  /// Each built-in loss against scikit-learn per row (log-loss, Brier, hinge, weighted
  /// log-loss) or numpy from the paper's formula (focal), on rows that include p = 0 and 1.
  ///
  /// Tolerance: 1e-12 relative, for the ulp-level differences between numpy's and the C
  /// library's `log` and `pow`, and 1e-15 absolute for the Brier score alone: scikit-learn
  /// averages the squared errors of both classes, `((y − p)² + ((1 − y) − (1 − p))²) / 2`,
  /// and `1 − p` rounds (by up to 2⁻⁵³), so at p = 1e-17 it gives 5e-35 where `(y − p)²`
  /// gives 1e-34; the two differ by far less than 1e-15 everywhere.
  @Test(.tags(.golden), arguments: LossReference.cases(\.builtins))
  func matchesReference(_ builtIn: LossReference.BuiltIn) throws {
    let rows = try LossReference.shared().rows
    let loss = try LossFunction(named: builtIn.name, parameters: builtIn.parameters)
    let values = loss.evaluate(y: rows.y, p: rows.p, m: rows.m)
    let absolute = builtIn.name == "brier" ? 1e-15 : 0
    expectAllClose(values, builtIn.values, absolute: absolute, relative: 1e-12, builtIn.source)
  }

  /// The same losses written as expressions give the built-ins' values.
  ///
  /// Tolerance: 1e-14 relative; both compute the same formula, in a different order of
  /// operations for the focal loss.
  @Test func expressionsReproduceTheBuiltIns() throws {
    let rows = try LossReference.shared().rows
    let epsilon = ["eps": LossFunction.probabilityEpsilon]
    let pairs: [(LossFunction, String, [String: Double])] = [
      (.logLoss, "-(y*log(clip(p, eps, 1-eps)) + (1-y)*log(clip(1-p, eps, 1-eps)))", epsilon),
      (.brier, "(y - p)^2", [:]),
      (.squaredError, "(y - p)^2", [:]),
      (.absoluteError, "abs(y - p)", [:]),
      (.hinge, "max(0, 1 - (2*y - 1)*m)", [:]),
      (
        .focal(gamma: 2, alpha: 0.25),
        "-if(y == 1, 0.25 * (1 - clip(p, eps, 1-eps))^2 * log(clip(p, eps, 1-eps)),"
          + " 0.75 * (1 - clip(1-p, eps, 1-eps))^2 * log(clip(1-p, eps, 1-eps)))", epsilon
      ),
    ]
    for (builtIn, text, constants) in pairs {
      let custom = LossFunction.custom(try LossExpression(text, constants: constants))
      expectAllClose(
        custom.evaluate(y: rows.y, p: rows.p, m: rows.m),
        builtIn.evaluate(y: rows.y, p: rows.p, m: rows.m), relative: 1e-14, builtIn.name)
    }
  }

  @Test func meansEqualTheLogLossAndBrierMetrics() throws {
    let rows = try LossReference.shared().rows
    let losses = LossFunction.logLoss.evaluate(y: rows.y, p: rows.p, m: [])
    let mean = ExactSum(losses).value / Double(losses.count)
    let metric = LogLoss(labels: rows.y.map { $0 == 1 }, probabilities: rows.p).value
    // Both sum the same per-row values exactly (`ExactSum`) and divide once.
    expectClose(mean, metric, relative: 1e-15)
    let brier = LossFunction.brier.evaluate(y: rows.y, p: rows.p, m: [])
    let brierMetric = BrierScore(labels: rows.y.map { $0 == 1 }, probabilities: rows.p).value
    expectClose(ExactSum(brier).value / Double(brier.count), brierMetric, relative: 1e-15)
  }

  @Test func focalWithoutFocusingIsTheLogLoss() {
    let p = [0.0, 0.1, 0.5, 0.9, 1.0]
    for y in [0.0, 1.0] {
      let labels = Array(repeating: y, count: p.count)
      // pow(x, 0) is exactly 1, so the two compute the same products.
      expectAllClose(
        LossFunction.focal(gamma: 0).evaluate(y: labels, p: p, m: []),
        LossFunction.logLoss.evaluate(y: labels, p: p, m: []), relative: 1e-15)
    }
  }

  @Test func namesRoundTrip() throws {
    let losses: [LossFunction] = [
      .logLoss, .brier, .squaredError, .absoluteError, .hinge,
      .weightedLogLoss(positiveWeight: 2, negativeWeight: 0.5), .focal(gamma: 2),
      .focal(gamma: 1.5, alpha: 0.25),
    ]
    for loss in losses {
      #expect(try LossFunction(named: loss.name, parameters: loss.parameters) == loss)
    }
    #expect(
      LossFunction.focal(gamma: 2, alpha: 0.25).description == "focal(alpha: 0.25, gamma: 2.0)")
    let custom = LossFunction.custom(try LossExpression("abs(y - p)"))
    #expect(custom.name == "custom")
    #expect(custom.description == "custom(abs(y - p))")
  }

  @Test func reportsInputs() throws {
    #expect(LossFunction.hinge.inputs == [.label, .margin])
    #expect(LossFunction.logLoss.inputs == [.label, .probability])
    #expect(LossFunction.custom(try LossExpression("m^2")).inputs == .margin)
    // The hinge loss does not read probabilities, so none need be given.
    #expect(LossFunction.hinge.evaluate(y: [1, 0], p: [], m: [0.5, 0.5]) == [0.5, 1.5])
  }

  @Test(
    arguments: [
      ("foca", [:], "unknown loss 'foca'; did you mean 'focal'?"),
      ("focal", [:], "loss 'focal': needs the parameter 'gamma'"),
      ("focal", ["gama": 2], "loss 'focal': unknown parameter 'gama'; did you mean 'gamma'?"),
      ("focal", ["gamma": -1], "loss 'focal': 'gamma' must be finite and at least 0, found -1.0"),
      (
        "focal", ["gamma": 2, "alpha": 2],
        "loss 'focal': 'alpha' must be between 0 and 1, found 2.0"
      ),
      ("log_loss", ["gamma": 2], "loss 'log_loss': takes no parameters, found 'gamma'"),
      (
        "weighted_log_loss", ["positive_weight": 1],
        "loss 'weighted_log_loss': needs the parameter 'negative_weight'"
      ),
      (
        "custom", [:],
        "loss 'custom': a custom loss is written as an expression, not built from parameters"
      ),
    ] as [(String, [String: Double], String)])
  func rejectsBadNames(_ name: String, _ parameters: [String: Double], _ message: String) {
    let error = #expect(throws: MetricsError.self) {
      try LossFunction(named: name, parameters: parameters)
    }
    #expect(error.map { "\($0.subject.map { $0 + ": " } ?? "")\($0.message)" } == message)
  }

  @Test func badProbabilitiesAndNaNGiveNaN() {
    let probabilityLosses: [LossFunction] = [
      .logLoss, .brier, .weightedLogLoss(positiveWeight: 1, negativeWeight: 2),
      .focal(gamma: 2, alpha: 0.25),
    ]
    for loss in probabilityLosses {
      #expect(loss.evaluate(y: 1, p: 1.5, m: 0).isNaN, "\(loss)")
      #expect(loss.evaluate(y: 0, p: -0.1, m: 0).isNaN, "\(loss)")
      #expect(loss.evaluate(y: 1, p: .nan, m: 0).isNaN, "\(loss)")
      #expect(loss.evaluate(y: .nan, p: 0.5, m: 0).isNaN, "\(loss)")
    }
    for loss in [LossFunction.squaredError, .absoluteError] {
      #expect(loss.evaluate(y: 1, p: .nan, m: 0).isNaN, "\(loss)")
      #expect(loss.evaluate(y: .nan, p: 0.5, m: 0).isNaN, "\(loss)")
    }
    #expect(LossFunction.hinge.evaluate(y: 1, p: 0, m: .nan).isNaN)
    #expect(LossFunction.hinge.evaluate(y: .nan, p: 0, m: 2).isNaN)
  }
}
