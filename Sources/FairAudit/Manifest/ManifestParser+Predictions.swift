import FairMetrics
import FairModels
import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The keys of `model:`.
  static let modelKeys = [
    "file", "link", "command", "features", "output", "batch_size", "timeout",
  ]
  /// The keys of `model:` that only a command may have.
  static let commandOnlyKeys = ["features", "output", "batch_size", "timeout"]
  /// The keys of `scores:`.
  static let scoresKeys = ["score_column", "decision_column", "favourable_decision"]
  /// The keys of `decision:`.
  static let decisionKeys = ["space", "threshold", "favourable"]

  /// The model or the recorded scores: exactly one of `model:` and `scores:`.
  func predictions(in top: YAMLMapping) -> PredictionSource? {
    switch (top["model"], top["scores"]) {
    case (let modelNode?, let scoresNode?):
      let second =
        (top.keyPosition(of: "model") ?? modelNode.position)
          < (top.keyPosition(of: "scores") ?? scoresNode.position) ? "scores" : "model"
      reader.error(
        Message.modelAndScores, at: top.keyPosition(of: second) ?? top.position)
      _ = model(modelNode)
      _ = scores(scoresNode)
      return nil
    case (let modelNode?, nil):
      return model(modelNode).map(PredictionSource.model)
    case (nil, let scoresNode?):
      return scores(scoresNode).map(PredictionSource.scores)
    case (nil, nil):
      reader.error(Message.neitherModelNorScores, at: top.position)
      return nil
    }
  }

  private func model(_ node: YAMLNode) -> ModelDeclaration? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.modelKeys, in: "the model")
    else { return nil }
    switch (mapping["file"], mapping["command"]) {
    case (_?, _?):
      reader.error(
        Message.fileAndCommand, at: mapping.keyPosition(of: "command") ?? mapping.position)
      return nil
    case (let fileNode?, nil):
      for key in ManifestParser.commandOnlyKeys {
        if let position = mapping.keyPosition(of: key) {
          reader.error(Message.commandOnly(key), at: position)
        }
      }
      let link = mapping["link"].flatMap { choice($0, of: ModelLink.self) }
      guard let file = existingFile(fileNode, role: "model file") else { return nil }
      return ModelDeclaration(
        source: .file(file.path, link: link), writtenPath: file.written,
        position: mapping.position,
        valuePosition: fileNode.position)
    case (nil, let commandNode?):
      if let position = mapping.keyPosition(of: "link") {
        reader.error(Message.fileOnly("link"), at: position)
      }
      return command(commandNode, in: mapping)
    case (nil, nil):
      reader.error(Message.fileOrCommand, at: mapping.position)
      return nil
    }
  }

  private func command(_ node: YAMLNode, in mapping: YAMLMapping) -> ModelDeclaration? {
    let command = name(node, what: "model command")
    var features: [String] = []
    var featurePositions: [SourcePosition] = []
    if let featuresNode = mapping["features"] {
      let items = reader.list(featuresNode) ?? []
      if items.isEmpty, featuresNode.items != nil {
        reader.error(Message.noFeatures, at: featuresNode.position)
      }
      for item in items {
        guard let feature = name(item, what: "feature") else { continue }
        if let first = features.firstIndex(of: feature) {
          reader.error(
            Message.duplicate("feature", feature), at: item.position,
            notes: [Message.firstWritten(feature, at: featurePositions[first])])
          continue
        }
        features.append(feature)
        featurePositions.append(item.position)
      }
    } else {
      reader.error(Message.commandNeedsFeatures, at: mapping.position)
    }
    // A value in error falls back to its default: the manifest is dropped on any error.
    let output = mapping["output"].flatMap { choice($0, of: CommandModel.Output.self) }
    let batchSize = mapping["batch_size"].flatMap { integer($0, atLeast: 1, what: "batch size") }
    let timeout = mapping["timeout"].flatMap { seconds($0) }
    guard let command, !features.isEmpty else { return nil }
    let specification = ModelSource.CommandSpecification(
      command: command, featureNames: features, output: output ?? .probability,
      batchSize: batchSize ?? CommandModel.defaultBatchSize,
      timeout: timeout ?? CommandModel.defaultTimeout)
    return ModelDeclaration(
      source: .command(specification), writtenPath: nil, position: mapping.position,
      valuePosition: node.position, featurePositions: featurePositions)
  }

  /// A positive number of seconds.
  private func seconds(_ node: YAMLNode) -> Duration? {
    guard let seconds = reader.number(node) else { return nil }
    guard seconds > 0 else {
      reader.error(Message.nonPositiveTimeout(node.scalarText ?? ""), at: node.position)
      return nil
    }
    return .milliseconds(Int64((seconds * 1000).rounded()))
  }

  private func scores(_ node: YAMLNode) -> ScoresDeclaration? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.scoresKeys, in: "the scores")
    else { return nil }
    let scoreNode = mapping["score_column"]
    let decisionNode = mapping["decision_column"]
    let favourableNode = mapping["favourable_decision"]
    let scoreColumn = scoreNode.flatMap { name($0, what: "score column") }
    let decisionColumn = decisionNode.flatMap { name($0, what: "decision column") }
    let favourable = favourableNode.flatMap { reader.string($0) }
    if scoreNode == nil, decisionNode == nil {
      reader.error(Message.scoresNeedAColumn, at: mapping.position)
      return nil
    }
    if decisionNode == nil, let position = mapping.keyPosition(of: "favourable_decision") {
      reader.error(Message.favourableDecisionNeedsColumn, at: position)
      return nil
    }
    return ScoresDeclaration(
      scoreColumn: scoreColumn, decisionColumn: decisionColumn, favourableDecision: favourable,
      position: mapping.position, scoreColumnPosition: scoreNode?.position,
      decisionColumnPosition: decisionNode?.position,
      favourableDecisionPosition: favourableNode?.position)
  }

  /// The decision rule, checked against what is audited.
  ///
  /// A model, and a score column without a decision column, need one; with a decision column
  /// a rule is ignored, with a warning.
  func decisionRule(in top: YAMLMapping, predictions: PredictionSource?) -> DecisionDeclaration? {
    let node = top["decision"]
    let isModel = top["model"] != nil
    let hasDecisionColumn: Bool
    if case .scores(let scores) = predictions {
      hasDecisionColumn = scores.decisionColumn != nil
    } else {
      hasDecisionColumn = false
    }
    guard let node else {
      let needsRule = isModel ? top["scores"] == nil : predictions != nil && !hasDecisionColumn
      if needsRule {
        let key = isModel ? "model" : "scores"
        reader.error(
          Message.decisionNeeded(forModel: isModel),
          at: top.keyPosition(of: key) ?? top.position)
      }
      return nil
    }
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.decisionKeys, requiredKeys: ["threshold"],
        in: "the decision rule")
    else { return nil }
    if hasDecisionColumn, let position = top.keyPosition(of: "decision") {
      reader.warning(Message.decisionIgnored, at: position)
    }
    let declared = mapping["space"].flatMap { choice($0, of: DecisionRule.Space.self) }
    let favourable = mapping["favourable"].flatMap { choice($0, of: DecisionRule.Side.self) }
    let space = declared ?? (isModel ? .probability : .score)
    if isModel, space == .score, let spaceNode = mapping["space"] {
      reader.error(Message.scoreSpaceForModel, at: spaceNode.position)
    }
    let threshold = mapping["threshold"].flatMap {
      space == .probability ? fraction($0, what: "a probability threshold") : reader.number($0)
    }
    guard let threshold else { return nil }
    var rule = DecisionDeclaration(
      space: space, threshold: threshold, favourable: favourable ?? .above)
    rule.position = mapping.position
    rule.thresholdPosition = mapping["threshold"]?.position
    return rule
  }
}
