import RealModule

/// The normalized mutual information between two categorical variables, for proxy detection.
///
/// Equal to scikit-learn's `normalized_mutual_info_score(a, b)` (arithmetic mean), with the
/// same formulas over the contingency table `n_ij` with row totals `a_i`, column totals `b_j`
/// and grand total `N`:
///
/// ```
/// MI   = Σ_{n_ij > 0} (n_ij/N)(log n_ij - log N) + (n_ij/N)(log N + log N - log(a_i·b_j))
/// H(a) = -Σ_i (a_i/N)(log a_i - log N)
/// NMI  = MI / ((H(a) + H(b)) / 2)
/// ```
///
/// As in scikit-learn, terms of `MI` smaller than machine epsilon count as 0 and `MI` is
/// clipped at 0; NMI is 1 when both variables have a single category and 0 when only one
/// of them has (or `MI` is 0).
///
/// **Weights.** With weights, every count above is a sum of weights (probabilistic or
/// sampling weights), so NMI is that of the weighted joint distribution; with all weights 1
/// it is scikit-learn's value. Categories whose total weight is zero do not exist for the
/// computation. Rows with a negative (missing) code, or a weight that is zero, negative or
/// not finite, are left out. With no rows left, NMI is NaN (not computable; scikit-learn
/// returns 1 for empty input).
public enum NormalizedMutualInformation {
  /// NMI between two label arrays given as codes.
  ///
  /// - Parameters:
  ///   - first: Codes of one variable (for instance the protected attribute).
  ///   - second: Codes of the other (for instance a binned feature).
  ///   - weights: Optional non-negative weights, one per row.
  /// - Returns: NMI in `[0, 1]`, or NaN when not computable.
  /// - Complexity: O(*n* + *r*·*c*) for *n* rows and *r*×*c* categories.
  public static func value(_ first: [Int32], _ second: [Int32], weights: [Double]? = nil)
    -> Double
  {
    value(ContingencyTable(rowCodes: first, columnCodes: second, weights: weights))
  }

  /// NMI of the joint distribution in a contingency table.
  ///
  /// - Parameter table: Weighted counts of one variable (rows) × the other (columns).
  /// - Returns: NMI in `[0, 1]`, or NaN when the table is empty.
  /// - Complexity: O(*r*·*c*).
  public static func value(_ table: ContingencyTable) -> Double {
    let table = table.removingEmptyLines()
    if table.rowCount == 0 || table.columnCount == 0 { return .nan }
    if table.rowCount == 1 && table.columnCount == 1 { return 1 }
    let mutualInformation = mutualInformation(table)
    if mutualInformation == 0 { return 0 }
    let normalizer = (entropy(table.rowTotals) + entropy(table.columnTotals)) / 2
    return mutualInformation / normalizer
  }

  /// scikit-learn's `mutual_info_score` from a table without empty lines.
  private static func mutualInformation(_ table: ContingencyTable) -> Double {
    if table.rowCount == 1 || table.columnCount == 1 { return 0 }
    let rowTotals = table.rowTotals
    let columnTotals = table.columnTotals
    var total = 0.0
    for count in table.counts { total += count }
    var rowSum = 0.0
    for value in rowTotals { rowSum += value }
    var columnSum = 0.0
    for value in columnTotals { columnSum += value }
    let logTotal = Double.log(total)
    let logMargins = Double.log(rowSum) + Double.log(columnSum)
    var sum = 0.0
    for row in 0..<table.rowCount {
      for column in 0..<table.columnCount {
        let count = table[row, column]
        guard count > 0 else { continue }
        let share = count / total
        let logOuter = -Double.log(rowTotals[row] * columnTotals[column]) + logMargins
        let term = share * (Double.log(count) - logTotal) + share * logOuter
        if abs(term) >= Double.ulpOfOne { sum += term }
      }
    }
    return max(sum, 0)
  }

  /// scikit-learn's `_entropy` from positive category totals.
  private static func entropy(_ totals: [Double]) -> Double {
    if totals.count <= 1 { return 0 }
    var total = 0.0
    for value in totals { total += value }
    let logTotal = Double.log(total)
    var sum = 0.0
    for value in totals { sum += value / total * (Double.log(value) - logTotal) }
    return -sum
  }
}
