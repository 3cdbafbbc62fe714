public import FairTabular

/// Which slices of one grouping each row belongs to, and with what weight.
///
/// With attributes read from columns or bins a known row belongs to exactly one slice with
/// weight 1. With membership probabilities (BISG) a row belongs to every group with its
/// probability as weight, so every count becomes a weighted count; an intersection with such
/// an attribute multiplies the weights. Rows with no membership are *unknown*: counted in
/// ``unknownRowCount`` and left out of every comparison.
///
/// Storage is compressed by row: the memberships of row `r` are entries
/// `offsets[r]..<offsets[r + 1]` of `slices` and `weights`.
public struct SliceMembership: Sendable, Equatable {
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

  package let offsets: [Int]
  package let slices: [Int32]
  package let weights: [Double]

  /// The slice index of `name`, if it is a slice.
  public func sliceIndex(named name: String) -> Int? { sliceNames.firstIndex(of: name) }

  /// Calls `body(slice, weight)` for every membership of `row`.
  @inline(__always)
  package func forEachMembership(of row: Int, _ body: (Int, Double) -> Void) {
    for entry in offsets[row]..<offsets[row + 1] { body(Int(slices[entry]), weights[entry]) }
  }

  /// The slice of `row` when memberships are not weighted; -1 for an unknown row.
  package func hardSlice(of row: Int) -> Int {
    offsets[row] == offsets[row + 1] ? -1 : Int(slices[offsets[row]])
  }
}

extension SliceMembership {
  /// Reads the slices of `grouping` from `dataset`.
  ///
  /// Labels of a column become slices in sorted order (as fairlearn orders groups); bins
  /// keep the order of their edges; an intersection's slices are the combinations that occur,
  /// ordered by their parts.
  ///
  /// - Parameters:
  ///   - grouping: The grouping.
  ///   - attributes: The declared attributes; every name in the grouping must be one.
  ///   - dataset: The data.
  ///   - file: The data file's path, for messages.
  /// - Throws: ``MetricsError`` for an attribute that is not declared or an assignment
  ///   requested for a non-probabilistic one; `DataError` (naming the file and column) for a
  ///   column the data lacks, a binned or probability column that is not numeric, a
  ///   probability outside `[0, 1]` or a row whose probabilities do not sum to 1.
  /// - Complexity: O(*n*·*k*) for *n* rows and *k* memberships per row.
  public init(
    grouping: Grouping, attributes: [ProtectedAttribute], dataset: Dataset, file: String
  ) throws {
    var parts: [AttributeMembership] = []
    for name in grouping.attributes {
      guard let attribute = attributes.first(where: { $0.name == name }) else {
        throw MetricsError(
          subject: "grouping '\(grouping.name)'",
          message: "'\(name)' is not a declared protected attribute")
      }
      parts.append(
        try AttributeMembership(
          attribute, dataset: dataset, file: file,
          assignMostProbable: grouping.assignsMostProbableGroup))
    }
    self = SliceMembership.intersecting(parts, grouping: grouping, rowCount: dataset.rowCount)
  }

  /// The product of the attributes' memberships.
  private static func intersecting(
    _ parts: [AttributeMembership], grouping: Grouping, rowCount: Int
  ) -> SliceMembership {
    // Combinations that occur, keyed by their level indexes.
    var comboIndex: [[Int32]: Int32] = [:]
    var combos: [[Int32]] = []
    var offsets = [Int](repeating: 0, count: rowCount + 1)
    var slices: [Int32] = []
    var weights: [Double] = []
    var unknown = 0
    var weighted = false
    slices.reserveCapacity(rowCount)
    weights.reserveCapacity(rowCount)
    var current: [([Int32], Double)] = []
    var next: [([Int32], Double)] = []
    for row in 0..<rowCount {
      current = [([], 1)]
      for part in parts {
        next.removeAll(keepingCapacity: true)
        for (combo, weight) in current {
          for entry in part.offsets[row]..<part.offsets[row + 1] {
            next.append((combo + [part.levels[entry]], weight * part.weights[entry]))
          }
        }
        swap(&current, &next)
      }
      var count = 0
      for (combo, weight) in current where weight > 0 {
        let index: Int32
        if let known = comboIndex[combo] {
          index = known
        } else {
          index = Int32(combos.count)
          comboIndex[combo] = index
          combos.append(combo)
        }
        slices.append(index)
        weights.append(weight)
        if weight != 1 { weighted = true }
        count += 1
      }
      if count == 0 { unknown += 1 }
      offsets[row + 1] = slices.count
    }
    // Report order: by the parts' level order.
    let order = combos.indices.sorted { combos[$0].lexicographicallyPrecedes(combos[$1]) }
    var remap = [Int32](repeating: 0, count: combos.count)
    for (position, old) in order.enumerated() { remap[old] = Int32(position) }
    for index in slices.indices { slices[index] = remap[Int(slices[index])] }
    let sliceParts = order.map { index in
      combos[index].enumerated().map { attribute, level in parts[attribute].names[Int(level)] }
    }
    return SliceMembership(
      grouping: grouping, sliceNames: sliceParts.map(Grouping.sliceName), sliceParts: sliceParts,
      rowCount: rowCount, unknownRowCount: unknown, isWeighted: weighted, offsets: offsets,
      slices: slices, weights: weights)
  }
}

/// The membership of each row in the groups of one attribute.
private struct AttributeMembership {
  var names: [String] = []
  var offsets: [Int] = [0]
  var levels: [Int32] = []
  var weights: [Double] = []

  init(_ attribute: ProtectedAttribute, dataset: Dataset, file: String, assignMostProbable: Bool)
    throws
  {
    if assignMostProbable && !attribute.isProbabilistic {
      throw MetricsError(
        subject: "attribute '\(attribute.name)'",
        message: "only an attribute given as membership probabilities can be assigned to its "
          + "most probable group")
    }
    let unknown = Set(attribute.unknownValues)
    switch attribute.source {
    case .column(let name):
      let (column, _) = try dataset.requireColumn(
        named: name, role: "the protected attribute column", file: file)
      let labels: [String?]
      switch column {
      case .categorical(let categories):
        labels = categories.codes.map {
          $0 == CategoricalColumn.missingCode ? nil : categories.levels[Int($0)]
        }
      case .numeric(let numbers):
        labels = numbers.values.map { $0.isNaN ? nil : AttributeMembership.label(of: $0) }
      }
      names = Set(labels.compactMap { $0 }).subtracting(unknown).sorted()
      let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
      for label in labels {
        if let label, let level = index[label] { append(level, 1) }
        close()
      }
    case .bins(let name, let edges, let binLabels):
      let values = try AttributeMembership.numbers(dataset, name, attribute, file)
      names =
        binLabels
        ?? (0..<(edges.count - 1)).map {
          ProtectedAttribute.binLabel(lower: edges[$0], upper: edges[$0 + 1])
        }
      for value in values {
        if !value.isNaN, let bin = AttributeMembership.bin(of: value, edges: edges),
          !unknown.contains(names[bin])
        {
          append(Int32(bin), 1)
        }
        close()
      }
    case .probabilities(let groups):
      names = groups.map(\.group)
      let columns = try groups.map {
        try AttributeMembership.numbers(dataset, $0.column, attribute, file)
      }
      let references = try groups.map {
        try dataset.requireColumn(named: $0.column, role: "the probability column", file: file)
          .reference
      }
      for row in 0..<dataset.rowCount {
        var total = 0.0
        var present = false
        for (group, column) in columns.enumerated() {
          let p = column[row]
          if p.isNaN { continue }
          guard p >= 0 && p <= 1 else {
            throw DataError(
              .expectedNumber, file: file, column: references[group],
              message: "a membership probability must be in [0, 1], found \(p) in data row "
                + "\(row) (0-based)")
          }
          present = true
          total += p
        }
        if present && abs(total - 1) > 1e-6 {
          throw DataError(
            .expectedNumber, file: file,
            message: "the membership probabilities of attribute '\(attribute.name)' sum to "
              + "\(total) in data row \(row) (0-based); they must sum to 1")
        }
        if present {
          if assignMostProbable {
            var best = -1
            var bestP = -1.0
            for (group, column) in columns.enumerated() where column[row] > bestP {
              best = group
              bestP = column[row]
            }
            if bestP >= attribute.assignmentThreshold && !unknown.contains(names[best]) {
              append(Int32(best), 1)
            }
          } else {
            for (group, column) in columns.enumerated()
            where column[row] > 0 && !unknown.contains(names[group]) {
              append(Int32(group), column[row])
            }
          }
        }
        close()
      }
    }
  }

  private mutating func append(_ level: Int32, _ weight: Double) {
    levels.append(level)
    weights.append(weight)
  }

  private mutating func close() { offsets.append(levels.count) }

  /// The values of a numeric column that an attribute reads.
  private static func numbers(
    _ dataset: Dataset, _ name: String, _ attribute: ProtectedAttribute, _ file: String
  ) throws -> [Double] {
    let (column, reference) = try dataset.requireColumn(
      named: name, role: "the protected attribute column", file: file)
    guard let numbers = column.numeric else {
      throw DataError(
        .expectedNumber, file: file, column: reference,
        message: "attribute '\(attribute.name)' needs numbers in this column, but it holds text")
    }
    return numbers.values
  }

  /// The bin `[edges[i], edges[i + 1])` holding `value`, if any.
  static func bin(of value: Double, edges: [Double]) -> Int? {
    guard let first = edges.first, value >= first else { return nil }
    var low = 0
    var high = edges.count - 1
    guard value < edges[high] else { return nil }
    while high - low > 1 {
      let middle = (low + high) / 2
      if value < edges[middle] { high = middle } else { low = middle }
    }
    return low
  }

  /// A number as a group label: integers without a fraction.
  static func label(of value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
