/// The first reason a row failed, recorded while it is evaluated.
struct PMMLRowFailure: Sendable {
  var kind: PMMLRowIssue.Kind
  var field: String?
  var message: String
}
