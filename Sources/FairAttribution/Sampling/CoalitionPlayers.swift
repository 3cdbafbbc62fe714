/// The players of a coalition game over a model's features: single features, or groups of
/// features switched on and off together.
///
/// Columns are ordered as ``Attributions/grouped(by:)`` orders them: each group takes the
/// place of its first (lowest-index) member, and features in no group stay where they are.
struct CoalitionPlayers: Sendable {
  /// The feature indexes of each player, in column order.
  let members: [[Int]]
  /// The name of each player's column.
  let names: [String]
  /// The player of each feature.
  let playerOfFeature: [Int]

  /// The number of players.
  var count: Int { members.count }

  /// Builds the players from disjoint groups; features in no group are players of their own.
  ///
  /// - Throws: ``AttributionError`` of kind ``AttributionError/Kind/invalidGroup`` when a
  ///   group is empty, names a feature out of range, repeats a feature within or across
  ///   groups, or reuses a name.
  init(featureNames: [String], groups: [FeatureGroup]) throws {
    let featureCount = featureNames.count
    var owner = [Int](repeating: -1, count: featureCount)
    for (groupIndex, group) in groups.enumerated() {
      let subject = "feature group '\(group.name)'"
      guard !group.members.isEmpty else {
        throw AttributionError(.invalidGroup, subject: subject, message: "the group has no members")
      }
      for member in group.members {
        guard member >= 0 && member < featureCount else {
          throw AttributionError(
            .invalidGroup, subject: subject,
            message: "feature index \(member) is out of range 0..<\(featureCount)")
        }
        guard owner[member] < 0 else {
          throw AttributionError(
            .invalidGroup, subject: subject,
            message: "feature '\(featureNames[member])' is already in group "
              + "'\(groups[owner[member]].name)'")
        }
        owner[member] = groupIndex
      }
    }
    var members: [[Int]] = []
    var names: [String] = []
    var playerOfGroup = [Int](repeating: -1, count: groups.count)
    var playerOfFeature = [Int](repeating: -1, count: featureCount)
    for feature in 0..<featureCount {
      let group = owner[feature]
      if group < 0 {
        playerOfFeature[feature] = members.count
        members.append([feature])
        names.append(featureNames[feature])
      } else {
        if playerOfGroup[group] < 0 {
          playerOfGroup[group] = members.count
          members.append([])
          names.append(groups[group].name)
        }
        playerOfFeature[feature] = playerOfGroup[group]
        members[playerOfGroup[group]].append(feature)
      }
    }
    var seen = Set<String>()
    for name in names where !seen.insert(name).inserted {
      throw AttributionError(
        .invalidGroup, subject: "feature group '\(name)'",
        message: "the name '\(name)' is used by more than one column")
    }
    self.members = members
    self.names = names
    self.playerOfFeature = playerOfFeature
  }

  /// The players that vary between `row` and the background.
  ///
  /// A player varies when a member's value in `row` differs from its value in at least one
  /// background row. Values are compared exactly, with NaN equal to NaN.
  ///
  /// A player that never varies gets attribution 0 and leaves the game, as in shap (which
  /// compares with `np.isclose`, so values within about 1e-8 count as equal there).
  func varyingPlayers(
    row: UnsafeBufferPointer<Double>, background: UnsafeBufferPointer<Double>, width: Int
  ) -> [Int] {
    let backgroundRows = background.count / width
    var varying: [Int] = []
    for player in 0..<count {
      search: for feature in members[player] {
        let value = row[feature]
        for reference in 0..<backgroundRows {
          let other = background[reference * width + feature]
          if !(value == other || (value.isNaN && other.isNaN)) {
            varying.append(player)
            break search
          }
        }
      }
    }
    return varying
  }
}
