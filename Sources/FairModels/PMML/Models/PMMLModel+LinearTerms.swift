import RealModule

extension PMMLModel {
  /// The additive structure of the margin, for linear SHAP; `nil` when the model has none
  /// (see ``PMMLLinearDecomposition`` for which models do).
  package var linearDecomposition: PMMLLinearDecomposition? {
    linearStructure.map { PMMLLinearDecomposition(intercept: $0.intercept, terms: $0.terms) }
  }

  /// The value of every term of ``linearDecomposition`` for every row of `batch`.
  ///
  /// - Parameter batch: Rows in ``features`` order.
  /// - Returns: `batch.rowCount × terms.count` values, row-major; NaN rows for rows the
  ///   model cannot score.
  /// - Throws: `ModelError` of kind `unsupported` when the model has no linear
  ///   decomposition.
  /// - Complexity: O(*n*·*t*) for *n* rows and *t* terms.
  package func linearTermValues(_ batch: RowBatch) throws -> [Double] {
    guard let structure = linearStructure else {
      throw ModelError(
        .unsupported, file: file,
        message: "the margin of this \(modelElement) is not a sum of terms")
    }
    let count = structure.sources.count
    var values = [Double](repeating: .nan, count: batch.rowCount * count)
    var context = PMMLRowContext(program: program, batch: batch)
    for row in 0..<batch.rowCount {
      context.begin(row: row)
      let prediction = context.predict(program.root)
      guard context.failure == nil, !margin(of: prediction).isNaN else { continue }
      var chosen: [(index: Int, score: Double)] = []
      if case .scorecard(let body) = program.root.body {
        chosen = context.scorecardAttributes(body) ?? []
      }
      for (position, source) in structure.sources.enumerated() {
        values[row * count + position] = context.value(of: source, chosen: chosen)
      }
    }
    return values
  }

  /// The intercept, terms and their sources, computed from the program.
  var linearStructure:
    (intercept: Double, terms: [PMMLLinearDecomposition.Term], sources: [PMMLLinearTermSource])?
  {
    let root = program.root
    let targets = root.targets
    let isPlainTarget =
      targets.minimum == nil && targets.maximum == nil && targets.castInteger == nil
    let factor = root.function == .regression ? targets.rescaleFactor : 1
    let constant = root.function == .regression ? targets.rescaleConstant : 0
    var intercept = 0.0
    var terms: [PMMLLinearDecomposition.Term] = []
    var sources: [PMMLLinearTermSource] = []
    func features(_ expressions: [PMMLExpression]) -> [Int] {
      expressions.reduce(into: Set<Int>()) { $0.formUnion(featureSet(of: $1)) }.sorted()
    }
    func addTable(_ table: PMMLRegressionTable, scale: Double) {
      intercept += scale * table.intercept
      for term in table.numeric {
        terms.append(.init(name: term.field, featureIndices: features([term.input])))
        sources.append(.numeric(term, scale: scale))
      }
      for term in table.categorical {
        terms.append(
          .init(name: "\(term.field)=\(term.label)", featureIndices: features([term.input])))
        sources.append(.categorical(term, scale: scale))
      }
      for term in table.products {
        terms.append(
          .init(name: term.fields.joined(separator: "*"), featureIndices: features(term.inputs)))
        sources.append(.product(term, scale: scale))
      }
    }
    guard isPlainTarget else { return nil }
    switch root.body {
    case .regression(let body):
      let first = body.tables[0]
      switch (root.function, body.normalization) {
      case (.regression, .none):
        addTable(first, scale: factor)
      case (.classification, .logit), (.classification, .softmax):
        let sign = first.category == 1 ? 1.0 : -1.0
        addTable(first, scale: sign)
        if body.normalization == .softmax && !body.tables[1].isTrivial {
          addTable(body.tables[1], scale: -sign)
        }
      default:
        return nil
      }
    case .generalRegression(let body):
      guard body.offsetInput == nil, body.trialsInput == nil, body.trialsValue == nil else {
        return nil
      }
      var scale = factor
      switch (root.function, body.kind, body.link) {
      case (.regression, .linear, _), (.regression, .generalizedLinear, .identity):
        break
      case (.classification, .multinomialLogistic, _),
        (.classification, .generalizedLinear, .logit):
        scale = body.firstCategory == 1 ? 1 : -1
      default:
        return nil
      }
      if body.kind == .generalizedLinear { intercept += scale * body.offsetValue }
      for cell in body.cells {
        if cell.factors.isEmpty && cell.covariates.isEmpty {
          intercept += scale * cell.beta
          continue
        }
        let inputs = cell.factors.map(\.input) + cell.covariates.map(\.input)
        terms.append(.init(name: cell.parameter, featureIndices: features(inputs)))
        sources.append(.cell(cell, scale: scale))
      }
    case .scorecard(let body):
      intercept = factor * body.description.initialScore
      for (index, characteristic) in body.description.characteristics.enumerated() {
        terms.append(
          .init(
            name: characteristic.name ?? "characteristic \(index + 1)",
            featureIndices: characteristic.featureIndices))
        sources.append(.characteristic(index, scale: factor))
      }
    case .tree, .mining, .neuralNetwork:
      return nil
    }
    return (intercept + constant, terms, sources)
  }

  /// The features an expression reads.
  func featureSet(of expression: PMMLExpression) -> Set<Int> {
    switch expression {
    case .constant: return []
    case .slot(let slot): return slotFeatures[slot]
    case .cast(let inner, _), .lookup(let inner, _, _, _), .normContinuous(let inner, _),
      .normDiscrete(let inner, _, _), .discretize(let inner, _), .treatment(let inner, _):
      return featureSet(of: inner)
    case .apply(let apply):
      return apply.arguments.reduce(into: Set<Int>()) { $0.formUnion(featureSet(of: $1)) }
    case .mapValues(let map):
      return map.inputs.reduce(into: Set<Int>()) { $0.formUnion(featureSet(of: $1)) }
    }
  }
}

extension PMMLRowContext {
  /// The value of one linear term in the current row.
  mutating func value(of source: PMMLLinearTermSource, chosen: [(index: Int, score: Double)])
    -> Double
  {
    switch source {
    case .numeric(let term, let scale):
      let x = evaluate(term.input)
      return scale * term.coefficient * pmmlPower(x, term.exponent)
    case .categorical(let term, let scale):
      let x = evaluate(term.input)
      return !x.isNaN && x == term.value ? scale * term.coefficient : 0
    case .product(let term, let scale):
      return term.inputs.reduce(scale * term.coefficient) { $0 * evaluate($1) }
    case .cell(let cell, let scale):
      var design = 1.0
      for factor in cell.factors where evaluate(factor.input) != factor.value { design = 0 }
      if design != 0 {
        for covariate in cell.covariates {
          let x = evaluate(covariate.input)
          design *= pmmlPower(x, covariate.exponent)
        }
      }
      return scale * cell.beta * design
    case .characteristic(let index, let scale):
      return index < chosen.count ? scale * chosen[index].score : .nan
    }
  }
}
