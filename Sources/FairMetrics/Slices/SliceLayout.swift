/// The slices of one grouping without their rows: names, parts and counts, which is all that
/// figures computed from tallies need, and what partial evidence records of its slices.
public struct SliceLayout: Sendable, Hashable, Codable {
  /// The grouping.
  public let grouping: Grouping
  /// The slice names, in report order.
  public let sliceNames: [String]
  /// For each slice of an intersection, its label in each attribute; one label otherwise.
  public let sliceParts: [[String]]
  /// The number of rows.
  public let rowCount: Int
  /// The rows that belong to no slice.
  public let unknownRowCount: Int
  /// Whether any membership weight differs from 1 (probabilistic membership).
  public let isWeighted: Bool

  /// The slice index of `name`, if it is a slice.
  public func sliceIndex(named name: String) -> Int? { sliceNames.firstIndex(of: name) }
}

extension SliceMembership {
  /// The slices without their rows.
  public var layout: SliceLayout {
    SliceLayout(
      grouping: grouping, sliceNames: sliceNames, sliceParts: sliceParts, rowCount: rowCount,
      unknownRowCount: unknownRowCount, isWeighted: isWeighted)
  }
}

extension SliceLayout {
  /// The layout of the rows of several layouts of the same grouping: the union of their
  /// slices in report order, and for each layout the index of each of its slices in the
  /// union.
  ///
  /// Report order is the order ``SliceMembership`` gives the rows of all of them: by each
  /// attribute's level order (labels of a column in sorted order, bins in the order of their
  /// edges, probability groups in declared order), part by part.
  ///
  /// - Parameter attributes: The declared attributes, for their level orders.
  /// - Returns: The union, and the slice index maps.
  /// - Precondition: every layout is of the same grouping.
  package static func union(_ layouts: [SliceLayout], attributes: [ProtectedAttribute]) -> (
    layout: SliceLayout, indexes: [[Int]]
  ) {
    precondition(!layouts.isEmpty, "a union needs a layout")
    let grouping = layouts[0].grouping
    precondition(layouts.allSatisfy { $0.grouping == grouping }, "layouts of one grouping")
    let orders: [LevelOrder] = grouping.attributes.map { name in
      LevelOrder(attributes.first { $0.name == name })
    }
    var parts = Array(Set(layouts.flatMap(\.sliceParts)))
    parts.sort { lhs, rhs in
      for (position, order) in orders.enumerated() where lhs[position] != rhs[position] {
        return order.precedes(lhs[position], rhs[position])
      }
      return false
    }
    let position = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1, $0) })
    let indexes = layouts.map { layout in layout.sliceParts.map { position[$0] ?? 0 } }
    return (
      SliceLayout(
        grouping: grouping, sliceNames: parts.map(Grouping.sliceName), sliceParts: parts,
        rowCount: layouts.reduce(0) { $0 + $1.rowCount },
        unknownRowCount: layouts.reduce(0) { $0 + $1.unknownRowCount },
        isWeighted: layouts.contains(where: \.isWeighted)),
      indexes
    )
  }
}

/// The order of one attribute's levels in reports.
private struct LevelOrder {
  /// The declared order of bins and probability groups; `nil` for a column's labels, which
  /// sort by their text.
  var declared: [String: Int]?

  init(_ attribute: ProtectedAttribute?) {
    switch attribute?.source {
    case .bins(_, let edges, let labels)?:
      let names =
        labels
        ?? (0..<(edges.count - 1)).map {
          ProtectedAttribute.binLabel(lower: edges[$0], upper: edges[$0 + 1])
        }
      declared = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    case .probabilities(let groups)?:
      declared = Dictionary(
        groups.enumerated().map { ($1.group, $0) }, uniquingKeysWith: { a, _ in a })
    case .column?, nil:
      declared = nil
    }
  }

  func precedes(_ lhs: String, _ rhs: String) -> Bool {
    guard let declared else { return lhs < rhs }
    return (declared[lhs] ?? Int.max, lhs) < (declared[rhs] ?? Int.max, rhs)
  }
}
