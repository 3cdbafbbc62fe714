/// Cramér's V, the association between two categorical variables, for proxy detection.
///
/// Equal to `scipy.stats.contingency.association(table, method="cramer")` (no continuity
/// correction):
///
/// ```
/// E_ij = R_i·C_j / N
/// χ² = Σ_ij (O_ij - E_ij)² / E_ij
/// V  = √(χ² / (N · (min(r, c) - 1)))
/// ```
///
/// V is 0 for independent variables and 1 when one determines the other. Counts may be
/// weighted (scipy accepts only integers; the formula is the same). Rows and columns with a
/// zero total are dropped first (scipy raises there) and `r`, `c` count the rest. V is NaN,
/// not computable, when fewer than two rows or two columns remain.
public enum CramersV {
  /// Cramér's V of a contingency table.
  ///
  /// - Parameter table: Weighted counts of attribute × feature category.
  /// - Returns: V in `[0, 1]`, or NaN when not computable.
  /// - Complexity: O(*r*·*c*).
  public static func value(_ table: ContingencyTable) -> Double {
    let table = table.removingEmptyLines()
    guard table.rowCount >= 2, table.columnCount >= 2 else { return .nan }
    let rowTotals = table.rowTotals
    let columnTotals = table.columnTotals
    var total = 0.0
    for rowTotal in rowTotals { total += rowTotal }
    var chiSquare = 0.0
    for row in 0..<table.rowCount {
      for column in 0..<table.columnCount {
        let expected = rowTotals[row] * columnTotals[column] / total
        let difference = table[row, column] - expected
        chiSquare += difference * difference / expected
      }
    }
    let phiSquare = chiSquare / total
    return min((phiSquare / Double(min(table.rowCount, table.columnCount) - 1)).squareRoot(), 1)
  }

  /// Cramér's V between two categorical columns given as codes.
  ///
  /// - Parameters:
  ///   - rowCodes: The codes of one variable (negative codes are missing and left out).
  ///   - columnCodes: The codes of the other variable.
  ///   - weights: Optional non-negative weights, one per row.
  /// - Returns: V in `[0, 1]`, or NaN when not computable.
  /// - Complexity: O(*n* + *r*·*c*) for *n* rows.
  public static func value(
    _ rowCodes: [Int32], _ columnCodes: [Int32], weights: [Double]? = nil
  ) -> Double {
    value(ContingencyTable(rowCodes: rowCodes, columnCodes: columnCodes, weights: weights))
  }
}
