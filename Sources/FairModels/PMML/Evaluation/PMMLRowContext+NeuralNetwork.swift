import RealModule

extension PMMLRowContext {
  /// Runs the network forward; returns, for every entity, the net input `z`, the
  /// activation before the layer's normalisation, and the output, or `nil` when an input
  /// is missing.
  mutating func forward(_ body: PMMLNeuralBody) -> (
    z: [Double], activation: [Double], output: [Double]
  )? {
    var output = [Double](repeating: 0, count: body.entityCount)
    var z = [Double](repeating: 0, count: body.entityCount)
    var activation = [Double](repeating: 0, count: body.entityCount)
    for (index, input) in body.inputs.enumerated() {
      let value = evaluate(input)
      if value.isNaN { return nil }
      output[index] = value
      z[index] = value
      activation[index] = value
    }
    for layer in body.layers {
      for (position, neuron) in layer.neurons.enumerated() {
        let entity = layer.firstEntity + position
        var net = 0.0
        if layer.activation == .radialBasis {
          for (source, weight) in zip(neuron.sources, neuron.weights) {
            let difference = output[source] - weight
            net += difference * difference
          }
          net /= -2 * neuron.width * neuron.width
          if neuron.altitude != 1 {
            net += Double.log(neuron.altitude) * Double(neuron.sources.count)
          }
        } else {
          for (source, weight) in zip(neuron.sources, neuron.weights) {
            net += weight * output[source]
          }
          net += neuron.bias
        }
        z[entity] = net
        output[entity] = PMMLNeuralBody.activate(layer.activation, net, threshold: layer.threshold)
      }
      for entity in layer.firstEntity..<(layer.firstEntity + layer.neurons.count) {
        activation[entity] = output[entity]
      }
      let range = layer.firstEntity..<(layer.firstEntity + layer.neurons.count)
      switch layer.normalization {
      case .softmax:
        let largest = range.map { output[$0] }.max() ?? 0
        var total = 0.0
        for entity in range {
          output[entity] = Double.exp(output[entity] - largest)
          total += output[entity]
        }
        for entity in range { output[entity] /= total }
      case .simplemax:
        let total = range.reduce(0) { $0 + output[$1] }
        for entity in range { output[entity] /= total }
      default:
        break
      }
    }
    return (z, activation, output)
  }

  /// Evaluates a `NeuralNetwork`.
  mutating func predict(_ body: PMMLNeuralBody, function: PMMLSubmodel.Function)
    -> PMMLPrediction
  {
    guard let (_, _, output) = forward(body) else { return .missing }
    switch function {
    case .regression:
      let value = output[body.regressionEntity]
      return .regression(PMMLNeuralBody.denormalize(value, body.denormalization))
    case .classification:
      let positive = body.categoryEntities[1]
      let negative = body.categoryEntities[0]
      let probability = positive >= 0 ? output[positive] : 1 - output[negative]
      let negativeProbability = negative >= 0 ? output[negative] : 1 - probability
      return PMMLPrediction(
        value: .nan, probability: probability, logOdds: .nan,
        category: negativeProbability >= probability ? 0 : 1)
    }
  }
}
