import FairAttribution
import FairMetrics
import FairPolicy
import _FairSupport

extension ManifestParser {
  /// The keys of `loss:`.
  static let lossKeys = [
    "name", "positive_weight", "negative_weight", "gamma", "alpha", "expression", "constants",
    "attribution",
  ]
  /// The parameter keys each loss takes.
  static let lossParameters: [String: [String]] = [
    "weighted_log_loss": ["positive_weight", "negative_weight"],
    "focal": ["gamma", "alpha"],
    "custom": ["expression", "constants"],
  ]
  /// The keys of `costs:`, and of each value's costs under `costs.by.values`.
  static let costKeys = ["true_positive", "false_positive", "true_negative", "false_negative"]

  /// The `loss:` and `costs:` sections, as one declaration; `nil` when neither is written or
  /// either is wrong.
  func lossSettings(loss lossNode: YAMLNode?, costs costsNode: YAMLNode?, in top: YAMLMapping)
    -> LossSettings?
  {
    guard lossNode != nil || costsNode != nil else { return nil }
    let loss = lossNode.flatMap { self.loss($0) }
    var settings = LossSettings(declaration: LossDeclaration(loss: loss))
    if let lossNode, lossNode.scalarText == nil, let mapping = reader.freeMapping(lossNode),
      let methodNode = mapping["attribution"],
      let method = choice(methodNode, of: LossExplainer.Method.self)
    {
      settings.declaration.attributionMethod = method
    }
    if let costsNode, let costs = costMatrix(costsNode, settings: &settings) {
      settings.declaration.costs = costs
    }
    settings.lossPosition = top.keyPosition(of: "loss")
    settings.costsPosition = top.keyPosition(of: "costs")
    return settings
  }

  /// The `loss:` section: a name (`loss: log_loss`), or a mapping with the name and its
  /// parameters or expression.
  private func loss(_ node: YAMLNode) -> LossFunction? {
    if node.scalarText != nil {
      guard let name = name(node, what: "loss name") else { return nil }
      return namedLoss(name, parameters: [:], at: node.position, mapping: nil)
    }
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.lossKeys, requiredKeys: ["name"], in: "the loss")
    else { return nil }
    guard let nameNode = mapping["name"], let name = name(nameNode, what: "loss name") else {
      return nil
    }
    guard name == "custom" || LossFunction.builtInNames.contains(name) else {
      return namedLoss(name, parameters: [:], at: nameNode.position, mapping: mapping)
    }
    let accepted = ManifestParser.lossParameters[name] ?? []
    var clean = true
    for entry in mapping.entries
    where !["name", "attribution"].contains(entry.key) && !accepted.contains(entry.key) {
      reader.error(Message.notALossParameter(entry.key, loss: name), at: entry.keyPosition)
      clean = false
    }
    if name == "custom" {
      guard let expressionNode = mapping["expression"] else {
        reader.error(Message.customNeedsExpression, at: mapping.position)
        return nil
      }
      let constants = mapping["constants"].flatMap { self.constants($0) } ?? [:]
      guard clean, let text = reader.string(expressionNode) else { return nil }
      do {
        return .custom(try LossExpression(text, constants: constants))
      } catch let error as LossExpressionError {
        for problem in error.problems {
          reader.error(
            problem.message,
            at: reader.position(in: expressionNode, offset: problem.column - 1))
        }
      } catch {
        reader.error("\(error)", at: expressionNode.position)
      }
      return nil
    }
    var parameters: [String: Double] = [:]
    for key in accepted {
      guard let valueNode = mapping[key] else { continue }
      guard let value = reader.number(valueNode) else {
        clean = false
        continue
      }
      parameters[key] = value
    }
    guard clean else { return nil }
    return namedLoss(name, parameters: parameters, at: nameNode.position, mapping: mapping)
  }

  /// A built-in loss by name; errors placed at the parameter they concern when it is
  /// written, else at the name.
  private func namedLoss(
    _ name: String, parameters: [String: Double], at position: SourcePosition,
    mapping: YAMLMapping?
  ) -> LossFunction? {
    guard LossFunction.builtInNames.contains(name) else {
      let names = LossFunction.builtInNames + ["custom"]
      var notes: [Diagnostic.Note] = []
      if let near = Suggestion.candidate(for: name, among: names) {
        notes.append(Diagnostic.Note(YAMLReader.Message.didYouMean(near)))
      }
      reader.error(
        YAMLReader.Message.expected(
          "one of " + names.map { "'\($0)'" }.joined(separator: ", "), found: "'\(name)'"),
        at: position, notes: notes)
      return nil
    }
    for key in ManifestParser.lossParameters[name] ?? [] where key != "alpha" {
      if parameters[key] == nil {
        reader.error(Message.lossNeedsParameter(name, key), at: mapping?.position ?? position)
        return nil
      }
    }
    do {
      return try LossFunction(named: name, parameters: parameters)
    } catch let error as MetricsError {
      // A value out of range: point at the first parameter the message names.
      let key = parameters.keys.sorted().first { error.message.contains("'\($0)'") }
      reader.error(
        error.message, at: key.flatMap { mapping?[$0]?.position } ?? position)
    } catch {
      reader.error("\(error)", at: position)
    }
    return nil
  }

  /// The `constants:` mapping of a custom loss: name → number.
  private func constants(_ node: YAMLNode) -> [String: Double]? {
    guard let mapping = reader.freeMapping(node) else { return nil }
    var result: [String: Double] = [:]
    for entry in mapping.entries {
      guard let value = reader.number(entry.value) else { continue }
      result[entry.key] = value
    }
    return result
  }

  /// The `costs:` section.
  private func costMatrix(_ node: YAMLNode, settings: inout LossSettings) -> CostMatrix? {
    guard
      let mapping = reader.mapping(
        node, allowedKeys: ManifestParser.costKeys + ["by"],
        requiredKeys: ["false_positive", "false_negative"], in: "the cost matrix")
    else { return nil }
    let base = costs(mapping, inheriting: nil)
    var matrix = CostMatrix(costs: base ?? CostMatrix.Costs(falsePositive: 0, falseNegative: 0))
    guard let byNode = mapping["by"] else { return base == nil ? nil : matrix }
    guard
      let by = reader.mapping(
        byNode, allowedKeys: ["column", "values"], requiredKeys: ["column", "values"],
        in: "the costs by column")
    else { return nil }
    guard let columnNode = by["column"], let column = name(columnNode, what: "column"),
      let valuesNode = by["values"], let values = reader.freeMapping(valuesNode)
    else { return nil }
    matrix.column = column
    settings.columnPosition = columnNode.position
    var clean = base != nil
    for entry in values.entries {
      guard
        let fields = reader.mapping(
          entry.value, allowedKeys: ManifestParser.costKeys,
          in: "the costs of '\(entry.key)'"),
        let costs = costs(fields, inheriting: matrix.costs)
      else {
        clean = false
        continue
      }
      matrix.overrides[entry.key] = costs
      settings.valuePositions[entry.key] = entry.keyPosition
    }
    return clean ? matrix : nil
  }

  /// The four costs of a mapping; unset ones from `inheriting`, or 0 for correct decisions.
  private func costs(_ mapping: YAMLMapping, inheriting base: CostMatrix.Costs?)
    -> CostMatrix.Costs?
  {
    var clean = true
    func value(_ key: String, _ fallback: Double) -> Double {
      guard let node = mapping[key] else { return fallback }
      guard let number = reader.number(node) else {
        clean = false
        return fallback
      }
      guard number.isFinite else {
        reader.error(Message.costNotFinite(key, node.scalarText ?? "\(number)"), at: node.position)
        clean = false
        return fallback
      }
      return number
    }
    let costs = CostMatrix.Costs(
      truePositive: value("true_positive", base?.truePositive ?? 0),
      falsePositive: value("false_positive", base?.falsePositive ?? 0),
      trueNegative: value("true_negative", base?.trueNegative ?? 0),
      falseNegative: value("false_negative", base?.falseNegative ?? 0))
    return clean ? costs : nil
  }
}
