extension ModelFeature {
  /// Whether the feature is numeric.
  var isNumeric: Bool {
    if case .numeric = kind { return true }
    return false
  }
}
