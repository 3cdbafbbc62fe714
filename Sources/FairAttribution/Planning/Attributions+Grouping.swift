extension Attributions {
  /// Sums the columns of each group into one column.
  ///
  /// Because Shapley values are additive, the sum of a group's columns is the attribution of
  /// the group acting as one player for the additive exact methods of this module (linear,
  /// path-dependent and interventional SHAP), and local accuracy is kept.
  ///
  /// The result keeps the original column order: each group takes the place of its first
  /// member (its lowest column index), and columns in no group stay as they are, where they
  /// are. For example, columns `[age, purpose=car, income, purpose=tv]` grouped by
  /// `purpose = {1, 3}` become `[age, purpose, income]`.
  ///
  /// ``standardErrors`` are not carried over (the result's are `nil`): the error of a sum
  /// depends on correlations between the estimates that the attributions do not hold. For a
  /// sampling method, treat the group as one player when explaining instead.
  ///
  /// - Parameter groups: Disjoint groups of column indexes.
  /// - Returns: Attributions with one column per group and per ungrouped column.
  /// - Throws: ``AttributionError`` with kind ``AttributionError/Kind/invalidGroup`` when a
  ///   group is empty, names a column out of range, repeats a column within or across groups,
  ///   or reuses a group name or the name of an ungrouped column.
  /// - Complexity: O(*n*·*m*) for *n* rows and *m* columns.
  public func grouped(by groups: [FeatureGroup]) throws -> Attributions {
    // The players of a coalition game over these columns are exactly the output columns:
    // a group at its first member, an ungrouped column at its place.
    let players = try CoalitionPlayers(featureNames: featureNames, groups: groups)
    let columnOf = players.playerOfFeature
    let names = players.names
    let width = names.count
    var combined = [Double](repeating: 0, count: rowCount * width)
    for row in 0..<rowCount {
      for feature in 0..<featureCount {
        combined[row * width + columnOf[feature]] += values[row * featureCount + feature]
      }
    }
    return Attributions(
      values: combined, rowCount: rowCount, baseValues: baseValues, predictions: predictions,
      featureNames: names, outputSpace: outputSpace)
  }
}
