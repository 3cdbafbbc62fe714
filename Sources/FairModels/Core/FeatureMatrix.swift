public import FairTabular
import _FairSupport

/// The rows of a dataset as a model reads them: row-major `Double` values in the model's
/// feature order.
///
/// Numeric features hold their value, NaN when missing. Categorical features hold the
/// index of the label in the model's levels, NaN when missing, and ``unseenCategory`` for a
/// label the model has no level for.
public struct FeatureMatrix: Sendable, Equatable {
  /// The value that marks a category the model never saw.
  public static let unseenCategory = -1.0

  /// The values, row after row.
  public var values: [Double]
  /// The number of rows.
  public let rowCount: Int
  /// The number of features per row.
  public let featureCount: Int

  /// Creates a matrix from row-major values.
  ///
  /// - Precondition: `values.count == rowCount * featureCount`.
  public init(values: [Double], rowCount: Int, featureCount: Int) {
    precondition(
      values.count == rowCount * featureCount,
      "'values.count' \(values.count) must equal \(rowCount) rows × \(featureCount) features")
    self.values = values
    self.rowCount = rowCount
    self.featureCount = featureCount
  }

  /// The rows in `range` as a batch, sharing storage.
  public func batch(rows range: Range<Int>) -> RowBatch {
    precondition(
      range.lowerBound >= 0 && range.upperBound <= rowCount,
      "'range' \(range) is out of bounds 0..<\(rowCount)")
    return RowBatch(
      values: values[(range.lowerBound * featureCount)..<(range.upperBound * featureCount)],
      featureCount: featureCount)
  }

  /// The value of `feature` in `row`.
  public subscript(row: Int, feature: Int) -> Double {
    values[row * featureCount + feature]
  }

  /// The first `count` rows (all rows when there are fewer), as a new matrix.
  ///
  /// - Complexity: O(`count`·``featureCount``).
  public func prefix(_ count: Int) -> FeatureMatrix {
    let kept = max(0, min(count, rowCount))
    if kept == rowCount { return self }
    return FeatureMatrix(
      values: Array(values.prefix(kept * featureCount)), rowCount: kept,
      featureCount: featureCount)
  }

  /// The rows at `indices`, in that order, as a new matrix.
  ///
  /// - Precondition: every index is in `0..<rowCount`.
  /// - Complexity: O(`indices.count`·``featureCount``).
  public func rows(_ indices: [Int]) -> FeatureMatrix {
    var selected: [Double] = []
    selected.reserveCapacity(indices.count * featureCount)
    for row in indices {
      precondition(row >= 0 && row < rowCount, "'row' \(row) is out of range 0..<\(rowCount)")
      selected.append(contentsOf: values[(row * featureCount)..<((row + 1) * featureCount)])
    }
    return FeatureMatrix(values: selected, rowCount: indices.count, featureCount: featureCount)
  }

  /// Binds the columns of `dataset` to `features` by name.
  ///
  /// Numeric features need numeric columns. Categorical features take labels from
  /// categorical columns, matched by text; from a numeric column they take the numbers as
  /// labels when every level of the feature is a number, and otherwise as level indexes
  /// (integer codes, the way a model trained on codes reads them). A label outside the levels
  /// is coded as the feature's ``ModelFeature/unseenLevels`` rule says. A categorical feature
  /// with no levels (its model reads bare category codes) needs a numeric column of codes.
  /// Extra columns are ignored.
  ///
  /// - Parameters:
  ///   - dataset: The data.
  ///   - features: The model's inputs, in order.
  ///   - file: The data file's path, for messages.
  /// - Throws: `DataError` naming a feature that has no column, or a column whose type
  ///   cannot feed the feature.
  /// - Complexity: O(*n*·*m*) for *n* rows and *m* features.
  public init(binding dataset: Dataset, to features: [ModelFeature], file: String) throws {
    let rowCount = dataset.rowCount
    let featureCount = features.count
    var values = [Double](repeating: .nan, count: rowCount * featureCount)
    for (position, feature) in features.enumerated() {
      guard let columnIndex = dataset.columnIndex(named: feature.name) else {
        throw DataError(
          .unknownColumn, file: file,
          message: FeatureMatrix.missingColumnMessage(feature.name, dataset.columnNames))
      }
      let column = dataset.columns[columnIndex]
      let reference = DataError.ColumnReference(index: columnIndex + 1, name: column.name)
      let feed = try FeatureMatrix.feed(column, to: feature, reference: reference, file: file)
      values.withUnsafeMutableBufferPointer { buffer in
        for row in 0..<rowCount { buffer[row * featureCount + position] = feed[row] }
      }
    }
    self.init(values: values, rowCount: rowCount, featureCount: featureCount)
  }

  private static func missingColumnMessage(_ name: String, _ available: [String]) -> String {
    var message = "the model needs a column '\(name)', which the file does not have"
    if let near = closestMatch(to: name, among: available) {
      message += "; did you mean '\(near)'?"
    }
    return message
  }

  private static func feed(
    _ column: Column, to feature: ModelFeature, reference: DataError.ColumnReference,
    file: String
  ) throws -> [Double] {
    switch (feature.kind, column) {
    case (.numeric, .numeric(let numbers)):
      return numbers.values
    case (.numeric, .categorical(let labels)):
      let example = labels.levels.first ?? ""
      throw DataError(
        .expectedNumber, file: file, column: reference,
        message: "the model reads '\(feature.name)' as a number, but the column holds text "
          + "such as '\(example)'")
    case (.categorical(let levels), .categorical(let labels)):
      if levels.isEmpty {
        let example = labels.levels.first ?? ""
        throw DataError(
          .expectedNumber, file: file, column: reference,
          message: "the model reads '\(feature.name)' as category codes and stores no labels "
            + "to map text to, but the column holds text such as '\(example)'")
      }
      var index: [String: Double] = [:]
      for (position, level) in levels.enumerated() where index[level] == nil {
        index[level] = Double(position)
      }
      let sorted = SortedLevels(text: levels, rule: feature.unseenLevels)
      let mapped = try labels.levels.map { label -> Double in
        if let code = index[label] { return code }
        guard let sorted else { return unseenCategory }
        guard let code = sorted.code(following: label) else {
          throw DataError(
            .unknownCategory, file: file, column: reference,
            message: DataError.Message.labelSortsLast(label, feature: feature.name))
        }
        return code
      }
      return labels.codes.map { $0 == CategoricalColumn.missingCode ? .nan : mapped[Int($0)] }
    case (.categorical(let levels), .numeric(let numbers)):
      let numericLevels = levels.compactMap { Double($0) }
      if !levels.isEmpty, numericLevels.count == levels.count {
        var index: [Double: Double] = [:]
        for (position, level) in numericLevels.enumerated() where index[level] == nil {
          index[level] = Double(position)
        }
        let sorted = SortedLevels(numbers: numericLevels, rule: feature.unseenLevels)
        return try numbers.values.map { value in
          if value.isNaN { return .nan }
          if let code = index[value] { return code }
          guard let sorted else { return unseenCategory }
          guard let code = sorted.code(following: value) else {
            throw DataError(
              .unknownCategory, file: file, column: reference,
              message: DataError.Message.labelSortsLast("\(value)", feature: feature.name))
          }
          return code
        }
      }
      return numbers.values.map { value in
        if value.isNaN { return .nan }
        let isCode = value >= 0 && value == value.rounded() && value < Double(levels.count)
        return isCode || levels.isEmpty ? value : unseenCategory
      }
    }
  }
}

/// A categorical feature's levels in sorted order, for
/// ``ModelFeature/UnseenLevelRule/nextLevelInSortedOrder``.
///
/// Text is compared as signed bytes of its UTF-8 encoding, as XGBoost compares its `int8`
/// category strings; numbers by value. Ties keep level order (XGBoost sorts stably).
private struct SortedLevels {
  private var keys: [[Int8]] = []
  private var numbers: [Double] = []
  private var codes: [Double] = []

  /// The text levels sorted, or `nil` when the rule does not search them.
  init?(text levels: [String], rule: ModelFeature.UnseenLevelRule) {
    guard rule == .nextLevelInSortedOrder, !levels.isEmpty else { return nil }
    let entries = levels.enumerated()
      .map { (key: $0.element.utf8.map { Int8(bitPattern: $0) }, code: $0.offset) }
      .sorted {
        $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.code < $1.code)
      }
    keys = entries.map(\.key)
    codes = entries.map { Double($0.code) }
  }

  /// The numeric levels sorted, or `nil` when the rule does not search them.
  init?(numbers levels: [Double], rule: ModelFeature.UnseenLevelRule) {
    guard rule == .nextLevelInSortedOrder, !levels.isEmpty else { return nil }
    let entries = levels.enumerated().map { (key: $0.element, code: $0.offset) }
      .sorted { $0.key < $1.key || ($0.key == $1.key && $0.code < $1.code) }
    numbers = entries.map(\.key)
    codes = entries.map { Double($0.code) }
  }

  /// The code of the first level not less than `label`, or `nil` if `label` sorts last.
  func code(following label: String) -> Double? {
    let key = label.utf8.map { Int8(bitPattern: $0) }
    return lowerBound(count: keys.count) { keys[$0].lexicographicallyPrecedes(key) }
  }

  /// The code of the first level not less than `value`, or `nil` if `value` sorts last.
  func code(following value: Double) -> Double? {
    lowerBound(count: numbers.count) { numbers[$0] < value }
  }

  private func lowerBound(count: Int, isBefore: (Int) -> Bool) -> Double? {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low < count ? codes[low] : nil
  }
}
