extension PMMLCompiler {
  /// Compiles a `NeuralNetwork`.
  func compileNeuralNetwork(
    _ element: PMMLElement, function: PMMLSubmodel.Function, in scope: PMMLScope
  ) throws -> PMMLNeuralBody {
    let networkActivation = try activation(element)
    let networkNormalization = try normalization(element) ?? .none
    let networkThreshold = try number("threshold", of: element) ?? 0
    let networkWidth = try number("width", of: element)
    let networkAltitude = try number("altitude", of: element) ?? 1
    guard let inputsElement = document.child(of: element, named: "NeuralInputs") else {
      throw error(.invalidStructure, element, "NeuralNetwork has no NeuralInputs")
    }
    var entities: [String: Int] = [:]
    var inputs: [PMMLExpression] = []
    for input in document.children(of: inputsElement, named: "NeuralInput") {
      let id = try required("id", of: input)
      guard let field = document.child(of: input, named: "DerivedField"),
        let body = content(of: field).first
      else {
        throw error(.invalidStructure, input, "NeuralInput '\(id)' has no DerivedField expression")
      }
      let typed = try compileExpression(body, in: scope, hint: (.double, .continuous))
      guard entities[id] == nil else {
        throw error(.invalidStructure, input, "neural entity id '\(id)' is used twice")
      }
      entities[id] = inputs.count
      inputs.append(try coerce(typed, to: .number, dataType: .double, at: body))
    }
    var layers: [PMMLNeuralBody.Layer] = []
    var entityCount = inputs.count
    for layerElement in document.children(of: element, named: "NeuralLayer") {
      guard let layerActivation = try activation(layerElement) ?? networkActivation else {
        throw error(.invalidStructure, layerElement, "the layer has no activationFunction")
      }
      let width = try number("width", of: layerElement) ?? networkWidth
      let altitude = try number("altitude", of: layerElement) ?? networkAltitude
      var layer = PMMLNeuralBody.Layer(
        activation: layerActivation,
        threshold: try number("threshold", of: layerElement) ?? networkThreshold,
        normalization: try normalization(layerElement) ?? networkNormalization,
        firstEntity: entityCount, neurons: [])
      var layerIDs: [(String, Int)] = []
      for neuronElement in document.children(of: layerElement, named: "Neuron") {
        var neuron = PMMLNeuralBody.Neuron(
          bias: try number("bias", of: neuronElement) ?? 0,
          width: try number("width", of: neuronElement) ?? width ?? .nan,
          altitude: try number("altitude", of: neuronElement) ?? altitude, sources: [],
          weights: [])
        if layerActivation == .radialBasis && neuron.width.isNaN {
          throw error(.invalidStructure, neuronElement, "a radialBasis neuron needs a width")
        }
        for connection in document.children(of: neuronElement, named: "Con") {
          let from = try required("from", of: connection)
          guard let source = entities[from] else {
            throw error(
              .invalidStructure, connection, "connection from '\(from)', which is no earlier entity"
            )
          }
          neuron.sources.append(source)
          neuron.weights.append(try requiredNumber("weight", of: connection))
        }
        layerIDs.append((try required("id", of: neuronElement), entityCount))
        layer.neurons.append(neuron)
        entityCount += 1
      }
      for (id, entity) in layerIDs {
        guard entities[id] == nil else {
          throw error(.invalidStructure, layerElement, "neural entity id '\(id)' is used twice")
        }
        entities[id] = entity
      }
      layers.append(layer)
    }
    guard let outputsElement = document.child(of: element, named: "NeuralOutputs") else {
      throw error(.invalidStructure, element, "NeuralNetwork has no NeuralOutputs")
    }
    var body = PMMLNeuralBody(
      inputs: inputs, layers: layers, entityCount: entityCount, categoryEntities: [-1, -1],
      regressionEntity: -1, denormalization: [])
    for output in document.children(of: outputsElement, named: "NeuralOutput") {
      let neuronID = try required("outputNeuron", of: output)
      guard let entity = entities[neuronID] else {
        throw error(.invalidStructure, output, "outputNeuron '\(neuronID)' is not a neuron")
      }
      guard let field = document.child(of: output, named: "DerivedField"),
        var expression = content(of: field).first
      else {
        throw error(.invalidStructure, output, "NeuralOutput has no DerivedField expression")
      }
      if document.name(of: expression) == "FieldRef",
        let referenced = attribute("field", of: expression),
        let derived = scope.localDerived[referenced] ?? globalDerived[referenced],
        let inner = content(of: derived).first
      {
        expression = inner
      }
      switch (function, document.name(of: expression)) {
      case (.classification, "NormDiscrete"):
        let category = try categoryIndex(try required("value", of: expression), at: expression)
        body.categoryEntities[category] = entity
      case (.regression, "FieldRef"):
        body.regressionEntity = entity
      case (.regression, "NormContinuous"):
        body.regressionEntity = entity
        body.denormalization = try document.children(of: expression, named: "LinearNorm").map {
          (try requiredNumber("orig", of: $0), try requiredNumber("norm", of: $0))
        }.sorted { $0.norm < $1.norm }
      default:
        throw unsupported(
          expression,
          "a NeuralOutput with '\(document.name(of: expression))' is not supported for "
            + "\(function == .regression ? "regression" : "classification")")
      }
    }
    if function == .classification && body.categoryEntities.allSatisfy({ $0 < 0 }) {
      throw error(.invalidStructure, outputsElement, "no NeuralOutput gives a class probability")
    }
    if function == .regression && body.regressionEntity < 0 {
      throw error(.invalidStructure, outputsElement, "no NeuralOutput gives the predicted value")
    }
    return body
  }

  private func activation(_ element: PMMLElement) throws -> PMMLNeuralBody.Activation? {
    guard let text = attribute("activationFunction", of: element) else { return nil }
    guard let value = PMMLNeuralBody.Activation(rawValue: text) else {
      throw error(.unsupported, element, "activationFunction '\(text)' is not supported")
    }
    return value
  }

  private func normalization(_ element: PMMLElement) throws -> PMMLNormalization? {
    guard let text = attribute("normalizationMethod", of: element) else { return nil }
    guard text == "none" || text == "softmax" || text == "simplemax",
      let value = PMMLNormalization(rawValue: text)
    else {
      throw error(.unsupported, element, "normalizationMethod '\(text)' is not supported")
    }
    return value
  }
}
