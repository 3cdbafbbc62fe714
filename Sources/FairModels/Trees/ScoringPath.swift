/// Which scoring loop an ensemble's splits allow.
enum ScoringPath: Sendable {
  /// Numeric XGBoost splits only: a branch-free step, four rows in lockstep.
  case xgboostNumeric
  /// Numeric LightGBM splits only: a branch-free step, four rows in lockstep.
  case lightGBMNumeric
  /// Anything else (categorical splits): the general decision, one row at a time.
  case general

  /// The path for nodes with these rules (leaves have empty rules).
  init(rules: [SplitRule], splitFeature: [Int32]) {
    var hasXGBoost = false
    var hasLightGBM = false
    for node in rules.indices where splitFeature[node] >= 0 {
      if rules[node].contains(.categorical) {
        self = .general
        return
      }
      if rules[node].contains(.lessOrEqual) { hasLightGBM = true } else { hasXGBoost = true }
    }
    self = hasLightGBM ? (hasXGBoost ? .general : .lightGBMNumeric) : .xgboostNumeric
  }
}
