import FairMetrics
import FuzzDriver

// The loss-expression parser on any text, with two constants declared; an expression that
// parses is evaluated on rows that include the edges (0, 1, huge and missing inputs).
runFuzzer { bytes in
  let text = String(decoding: bytes, as: UTF8.self)
  guard let expression = try? LossExpression(text, constants: ["c": 3, "gamma": 2]) else {
    return
  }
  let y: [Double] = [0, 1, 1, 0, 1]
  let p: [Double] = [0, 1, 0.5, 1e-300, .nan]
  let m: [Double] = [-800, 800, 0, .infinity, -0.0]
  _ = expression.evaluate(y: y, p: p, m: m)
  _ = expression.evaluate(y: 1, p: 0.25, m: -1.1)
}
