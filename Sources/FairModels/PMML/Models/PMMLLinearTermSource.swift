/// How one term of a ``PMMLLinearDecomposition`` is computed.
enum PMMLLinearTermSource: Sendable {
  case numeric(PMMLRegressionTable.NumericTerm, scale: Double)
  case categorical(PMMLRegressionTable.CategoricalTerm, scale: Double)
  case product(PMMLRegressionTable.ProductTerm, scale: Double)
  case cell(PMMLGeneralRegressionBody.Cell, scale: Double)
  case characteristic(Int, scale: Double)
}
