public import FairTabular

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

  /// Binds the columns of `dataset` to `features` by name.
  ///
  /// Numeric features need numeric columns. Categorical features take labels from
  /// categorical columns, matched by text; from a numeric column they take the numbers as
  /// labels when every level of the feature is a number, and otherwise as level indexes
  /// (integer codes, the way a model trained on codes reads them). Extra columns are ignored.
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
      var index: [String: Double] = [:]
      for (position, level) in levels.enumerated() where index[level] == nil {
        index[level] = Double(position)
      }
      let mapped = labels.levels.map { index[$0] ?? unseenCategory }
      return labels.codes.map { $0 == CategoricalColumn.missingCode ? .nan : mapped[Int($0)] }
    case (.categorical(let levels), .numeric(let numbers)):
      let numericLevels = levels.map { Double($0) }
      if !levels.isEmpty, numericLevels.allSatisfy({ $0 != nil }) {
        var index: [Double: Double] = [:]
        for (position, level) in numericLevels.enumerated() {
          if let level, index[level] == nil { index[level] = Double(position) }
        }
        return numbers.values.map { $0.isNaN ? .nan : index[$0] ?? unseenCategory }
      }
      return numbers.values.map { value in
        if value.isNaN { return .nan }
        let isCode = value >= 0 && value == value.rounded() && value < Double(levels.count)
        return isCode || levels.isEmpty ? value : unseenCategory
      }
    }
  }
}
