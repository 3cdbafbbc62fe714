/// A column of labels stored as integer codes into an ordered list of its distinct values.
///
/// Levels are kept in the order of their first appearance in the file, so the encoding of a
/// file is stable. A missing cell has the code ``missingCode``.
public struct CategoricalColumn: Sendable, Equatable {
  /// The code of a missing cell.
  public static let missingCode: Int32 = -1

  /// The header name.
  public var name: String
  /// One code per row: an index into ``levels``, or ``missingCode``.
  public var codes: [Int32]
  /// The distinct non-missing values, in order of first appearance.
  public var levels: [String]

  /// Creates a categorical column.
  ///
  /// - Precondition: every code is `missingCode` or a valid index into `levels`.
  public init(name: String, codes: [Int32], levels: [String]) {
    precondition(
      codes.allSatisfy { $0 == Self.missingCode || (0..<Int32(levels.count)).contains($0) },
      "'codes' must index 'levels' (\(levels.count) levels) or be missingCode")
    self.name = name
    self.codes = codes
    self.levels = levels
  }

  /// The value of `row`, or `nil` when it is missing.
  public func value(at row: Int) -> String? {
    let code = codes[row]
    return code == Self.missingCode ? nil : levels[Int(code)]
  }

  /// The number of missing cells.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public var missingCount: Int {
    codes.withUnsafeBufferPointer { buffer in
      var count = 0
      for code in buffer where code == Self.missingCode { count += 1 }
      return count
    }
  }

  /// The number of rows holding each level, indexed by code.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  public func levelCounts() -> [Int] {
    var counts = [Int](repeating: 0, count: levels.count)
    codes.withUnsafeBufferPointer { buffer in
      for code in buffer where code != Self.missingCode { counts[Int(code)] += 1 }
    }
    return counts
  }
}
