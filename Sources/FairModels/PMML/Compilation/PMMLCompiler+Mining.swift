extension PMMLCompiler {
  /// Compiles a `MiningModel`'s `Segmentation`.
  ///
  /// - Returns: The body, and whether every possible result is logit-linked (a model chain
  ///   or first-match selection whose classification segments all are).
  func compileMining(
    _ element: PMMLElement, function: PMMLSubmodel.Function, in scope: PMMLScope
  ) throws -> (body: PMMLMiningBody, isLogitLinked: Bool) {
    guard let segmentation = document.child(of: element, named: "Segmentation") else {
      throw error(.invalidStructure, element, "MiningModel has no Segmentation")
    }
    if let local = document.child(of: segmentation, named: "LocalTransformations") {
      throw unsupported(local, "LocalTransformations inside a Segmentation are not supported")
    }
    let methodText = try required("multipleModelMethod", of: segmentation)
    guard let method = PMMLMiningBody.Method(rawValue: methodText) else {
      throw error(
        .unsupported, segmentation,
        "multipleModelMethod '\(methodText)' is not supported")
    }
    switch (method, function) {
    case (.majorityVote, .regression), (.weightedMajorityVote, .regression):
      throw error(
        .invalidStructure, segmentation, "multipleModelMethod '\(methodText)' needs categories")
    case (.sum, .classification), (.weightedSum, .classification), (.median, .classification),
      (.weightedMedian, .classification):
      throw error(
        .unsupported, segmentation,
        "multipleModelMethod '\(methodText)' of a classification model is not supported")
    default:
      break
    }
    let treatment: PMMLMiningBody.MissingPredictionTreatment = try choice(
      "missingPredictionTreatment", of: segmentation, default: .continue)
    let threshold = try number("missingThreshold", of: segmentation) ?? 1
    let chainScope = makeScope(parent: scope)
    var segments: [PMMLMiningBody.Segment] = []
    var assigned: [Int] = []
    var linked: [Bool] = []
    for segmentElement in document.children(of: segmentation, named: "Segment") {
      let predicate = try compilePredicate(
        try predicateElement(of: segmentElement), in: chainScope)
      guard
        let modelElement = document.children(of: segmentElement).first(where: {
          PMMLCompiler.modelNames.contains(document.name(of: $0))
        })
      else {
        throw error(.invalidStructure, segmentElement, "Segment has no model")
      }
      let model = try compileModel(
        modelElement, parent: chainScope, chainScope: method == .modelChain ? chainScope : nil)
      if method != .modelChain && model.function != function {
        throw error(
          .invalidStructure, modelElement,
          "the segment's functionName differs from the MiningModel's")
      }
      assigned += model.outputs.map(\.slot)
      if model.function == .classification { linked.append(model.isLogitLinked) }
      segments.append(
        PMMLMiningBody.Segment(
          predicate: predicate, weight: try number("weight", of: segmentElement) ?? 1,
          model: model))
    }
    guard let last = segments.last else {
      throw error(.invalidStructure, segmentation, "Segmentation has no Segment")
    }
    if method == .modelChain && last.model.function != function {
      throw error(
        .invalidStructure, segmentation,
        "the last segment of a model chain must have the MiningModel's functionName")
    }
    let isSelection = method == .modelChain || method == .selectFirst
    let isLogitLinked = isSelection && !linked.isEmpty && linked.allSatisfy { $0 }
    let body = PMMLMiningBody(
      method: method, missingPredictionTreatment: treatment, missingThreshold: threshold,
      segments: segments, assignedSlots: assigned)
    return (body, isLogitLinked)
  }
}
