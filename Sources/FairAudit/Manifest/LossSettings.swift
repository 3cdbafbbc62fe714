public import FairMetrics
package import FairPolicy

/// The `loss:` and `costs:` sections of a manifest: the loss the model is audited on and the
/// cost of each kind of decision.
///
/// ```yaml
/// loss:
///   name: focal                 # log_loss, brier, squared_error, absolute_error, hinge,
///   gamma: 2                    # weighted_log_loss, focal, or custom (with an expression)
///   alpha: 0.25
/// costs:                        # positive = favourable: a false negative is a false denial
///   false_positive: 5
///   false_negative: 1
///   by:
///     column: thin_file         # other costs for some values of a column
///     values:
///       "yes": {false_negative: 2}
/// ```
///
/// A custom loss is an expression over `y`, `p`, `m` and declared constants (see
/// FairMetrics' `LossExpression`):
///
/// ```yaml
/// loss:
///   name: custom
///   expression: "-(y*log(p) + c*(1-y)*log(1-p))"
///   constants: {c: 3}
/// ```
public struct LossSettings: Sendable, Equatable {
  /// The declared loss and cost matrix.
  public var declaration: LossDeclaration

  /// Where `loss:` is written.
  package var lossPosition: SourcePosition?
  /// Where `costs:` is written.
  package var costsPosition: SourcePosition?
  /// Where the cost matrix's column is written.
  package var columnPosition: SourcePosition?
  /// Where each of the cost matrix's values is written.
  package var valuePositions: [String: SourcePosition] = [:]

  /// Creates settings.
  public init(declaration: LossDeclaration) {
    self.declaration = declaration
  }

  /// Settings are equal when their declarations are.
  public static func == (lhs: LossSettings, rhs: LossSettings) -> Bool {
    lhs.declaration == rhs.declaration
  }
}
