import FairModels

/// The work of ``IntegratedGradients`` on one chunk of rows: all path points of the chunk
/// go to one ``DifferentiableModel/marginGradients(_:into:)`` call.
struct IntegratedGradientsRows: Sendable {
  let model: any DifferentiableModel
  /// Identity for margins; the model's transform for probabilities.
  let transform: OutputTransform
  let nodes: [Double]
  let nodeWeights: [Double]
  let baselineRows: FeatureMatrix
  let baselineWeights: [Double]

  /// The results of one chunk, row after row.
  struct Part: Sendable {
    var values: [Double] = []
    var baseValues: [Double] = []
    var predictions: [Double] = []
    var gaps: [Double] = []
  }

  func explain(_ matrix: FeatureMatrix, rows: Range<Int>) throws -> Part {
    let width = matrix.featureCount
    let baselines = baselineRows.rowCount
    let steps = nodes.count
    let held = model.features.map { feature -> Bool in
      if case .categorical = feature.kind { return true }
      return false
    }
    // Effective baselines (held features from x), then the rows themselves, for scoring.
    var anchors: [Double] = []
    anchors.reserveCapacity((rows.count * baselines + rows.count) * width)
    var points: [Double] = []
    points.reserveCapacity(rows.count * baselines * steps * width)
    for row in rows {
      for reference in 0..<baselines {
        for column in 0..<width {
          let x = matrix[row, column]
          let start = baselineRows[reference, column]
          anchors.append(held[column] || x.isNaN || start.isNaN ? x : start)
        }
        let anchor = anchors.count - width
        for alpha in nodes {
          for column in 0..<width {
            let start = anchors[anchor + column]
            points.append(start + alpha * (matrix[row, column] - start))
          }
        }
      }
    }
    for row in rows {
      anchors.append(contentsOf: matrix.values[(row * width)..<((row + 1) * width)])
    }
    var anchorMargins: [Double] = []
    try model.scoreMargins(
      RowBatch(values: anchors[...], featureCount: width), into: &anchorMargins)
    var gradients: [Double] = []
    try model.marginGradients(RowBatch(values: points[...], featureCount: width), into: &gradients)
    var slopes = [Double](repeating: 1, count: points.count / width)
    if transform == .logistic {
      var pointMargins: [Double] = []
      try model.scoreMargins(
        RowBatch(values: points[...], featureCount: width), into: &pointMargins)
      for index in slopes.indices {
        let p = transform.apply(pointMargins[index])
        slopes[index] = p * (1 - p)
      }
    }
    var part = Part()
    let predictionOffset = rows.count * baselines
    for slot in 0..<rows.count {
      var phi = [Double](repeating: 0, count: width)
      var base = 0.0
      for reference in 0..<baselines {
        let anchorIndex = slot * baselines + reference
        let weight = baselineWeights[reference]
        base += weight * transform.apply(anchorMargins[anchorIndex])
        for column in 0..<width {
          let start = anchors[anchorIndex * width + column]
          let span = matrix[rows.lowerBound + slot, column] - start
          guard span != 0 && !span.isNaN else { continue }
          var integral = 0.0
          for step in 0..<steps {
            let point = anchorIndex * steps + step
            integral += nodeWeights[step] * slopes[point] * gradients[point * width + column]
          }
          phi[column] += weight * span * integral
        }
      }
      let prediction = transform.apply(anchorMargins[predictionOffset + slot])
      var total = 0.0
      for value in phi { total += value }
      part.values.append(contentsOf: phi)
      part.baseValues.append(base)
      part.predictions.append(prediction)
      part.gaps.append(total - (prediction - base))
    }
    return part
  }
}
