import ArgumentParser
import FairAttribution
import FairMetrics
import FairModels
import FairReports
import FairTabular
import Foundation

extension FairGateCommand {
  /// `fairgate metrics`: group fairness metrics with their uncertainty, without verdicts.
  struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "metrics",
      abstract: "Compute group fairness metrics with their uncertainty, without verdicts.",
      discussion: """
        For every slice of every grouping: counts, selection rate with its Wilson interval, \
        impact ratio with a bootstrap interval and a z or Fisher test against the most \
        favoured slice (Holm-adjusted), and with '--label' the true- and false-positive \
        rates, AUC, log-loss, Brier score and calibration. Decisions come from a model and a \
        threshold, from a score column and a threshold, or from a decision column. \
        '--attributions' adds per-slice attributions and gap decompositions; a model also \
        gets the proxy screen, and with '--flips' the counterfactual flips of protected \
        inputs (one more scoring of the changed rows per value tried).
        """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DataOptions

    @Option(
      name: .customLong("score-column"),
      help: ArgumentHelp("A column of scores to use instead of a model.", valueName: "column"))
    var scoreColumn: String?

    @Option(
      name: .customLong("decision-column"),
      help: ArgumentHelp("A column of decisions to use instead of a model.", valueName: "column"))
    var decisionColumn: String?

    @Option(
      name: .customLong("favourable-decision"),
      help: ArgumentHelp(
        "The decision column's favourable value (when it holds text).", valueName: "value"))
    var favourableDecision: String?

    @Option(help: ArgumentHelp("The true-outcome column.", valueName: "column"))
    var label: String?

    @Option(
      help: ArgumentHelp(
        "The label's favourable value (when it holds text).", valueName: "value"))
    var positive: String?

    @Option(
      name: .customLong("id-column"),
      help: ArgumentHelp("A column of stable row identifiers.", valueName: "column"))
    var idColumn: String?

    @Option(
      name: .customLong("group"),
      help: ArgumentHelp(
        "A protected attribute (a column), or an intersection as A,B (repeatable).",
        valueName: "name[,name]"))
    var groups: [String] = []

    @Option(
      name: .customLong("bins"),
      help: ArgumentHelp(
        "Cut a numeric attribute into bins [e0, e1), [e1, e2), ..., as NAME=e0,e1,...,inf.",
        valueName: "name=edges"))
    var bins: [String] = []

    @Option(
      name: .customLong("probabilities"),
      help: ArgumentHelp(
        "An attribute given as membership probabilities, as NAME=group:column,group:column.",
        valueName: "name=groups"))
    var probabilities: [String] = []

    @Option(
      help: ArgumentHelp(
        "The reference group of an attribute, as NAME=VALUE (default: the most favoured).",
        valueName: "name=value"))
    var reference: [String] = []

    @Option(help: ArgumentHelp("The decision threshold.", valueName: "t"))
    var threshold: Double = 0.5

    @Option(help: "The scale of the threshold.")
    var space: DecisionRule.Space?

    @Option(help: "Which side of the threshold is favourable.")
    var favourable: DecisionRule.Side = .above

    @Flag(help: "Also compute per-slice attributions and gap decompositions.")
    var attributions = false

    @Flag(help: "Also compute the counterfactual flips of protected model inputs.")
    var flips = false

    @Option(
      name: .customLong("attribution-method"), help: "The attribution method ('--attributions').")
    var attributionMethod: AttributionMethod = .auto

    @Option(
      name: .customLong("minimum-share"),
      help: ArgumentHelp(
        "Leave slices under this share of the data out of comparisons (LL144: 0.02).",
        valueName: "share"))
    var minimumShare: Double = 0

    @Option(help: ArgumentHelp("Bootstrap replicates.", valueName: "n"))
    var bootstrap: Int = 1000

    @Option(help: ArgumentHelp("The confidence level of intervals.", valueName: "level"))
    var confidence: Double = 0.95

    @Option(help: "The output format.")
    var format: MetricsFormat = .text

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
      let sources = [model.isGiven, scoreColumn != nil || decisionColumn != nil]
      guard sources.filter({ $0 }).count == 1 else {
        throw ValidationError(
          "give exactly one of '--model' (or '--model-command') and '--score-column' or "
            + "'--decision-column'")
      }
      guard !groups.isEmpty else {
        throw ValidationError("name at least one protected attribute with '--group'")
      }
      if resolvedSpace == .probability, !(threshold > 0 && threshold < 1) {
        throw ValidationError(
          "'--threshold' must be between 0 and 1 for probabilities, not \(threshold)")
      }
      guard threshold.isFinite else { throw ValidationError("'--threshold' must be a number") }
      guard bootstrap >= 0 else {
        throw ValidationError("'--bootstrap' must be 0 or more, not \(bootstrap)")
      }
      guard confidence > 0 && confidence < 1 else {
        throw ValidationError("'--confidence' must be between 0 and 1, not \(confidence)")
      }
      guard minimumShare >= 0 && minimumShare < 1 else {
        throw ValidationError("'--minimum-share' must be in [0, 1), not \(minimumShare)")
      }
      if attributions && !model.isGiven {
        throw ValidationError("'--attributions' needs a model")
      }
      if flips && !model.isGiven {
        throw ValidationError("'--flips' needs a model")
      }
      _ = try attributeDeclarations()
    }

    func run() throws {
      let request = try evidenceRequest()
      let build = try EvidenceBuilder.build(
        request, seed: runtime.seed, threads: runtime.threads)
      let evidence = build.evidence
      var document = MetricsDocument(
        data: data.data, rows: build.dataset.rowCount, model: build.bound?.model.summary,
        decisionRule: build.rule?.summary, confidenceLevel: confidence,
        bootstrapReplicates: bootstrap, seed: runtime.seed,
        groupings: try evidence.groupMetrics())
      if attributions {
        document.attributions = try evidence.attributionSummaries()
        document.attributionMethod = build.attributionRun.description.map {
          $0.method.rawValue + ($0.reason.map { " (\($0))" } ?? "")
        }
      }
      if build.bound != nil {
        document.proxies = try evidence.proxies()
        if flips { document.flips = try evidence.counterfactualFlips() }
      }
      let out = StandardOutput()
      switch format {
      case .text: out.write(document.text)
      case .json: out.write(try DocumentJSON.encode(document))
      case .csv: out.write(document.csv)
      }
      out.flush()
    }

    private var resolvedSpace: DecisionRule.Space {
      space ?? (model.isGiven ? .probability : .score)
    }

    private var rule: DecisionRule {
      DecisionRule(space: resolvedSpace, threshold: threshold, favourable: favourable)
    }

    private func evidenceRequest() throws -> EvidenceRequest {
      let (attributes, intersections) = try attributeDeclarations()
      let outputs: EvidenceRequest.Outputs =
        model.isGiven
        ? .model(try model.source(), rule: rule)
        : .columns(
          score: scoreColumn, rule: rule, decision: decisionColumn,
          favourableDecision: favourableDecision)
      return EvidenceRequest(
        data: data.data, csv: try data.csv.csvOptions(), outputs: outputs, idColumn: idColumn,
        label: label, favourableLabel: positive,
        attribution: attributions
          ? EvidenceRequest.AttributionSettings(method: attributionMethod) : nil,
        configuration: Evidence.Configuration(
          attributes: attributes,
          groupings: Evidence.Configuration.groupings(
            attributes: attributes, intersections: intersections),
          minimumSliceShare: minimumShare, confidenceLevel: confidence,
          bootstrapReplicates: bootstrap, seed: runtime.seed))
    }

    /// The attributes and intersections that `--group`, `--bins`, `--probabilities` and
    /// `--reference` declare.
    private func attributeDeclarations() throws -> ([ProtectedAttribute], [[String]]) {
      var attributes: [ProtectedAttribute] = []
      func declare(_ attribute: ProtectedAttribute) throws {
        guard !attributes.contains(where: { $0.name == attribute.name }) else {
          throw ValidationError("the attribute '\(attribute.name)' is declared twice")
        }
        attributes.append(attribute)
      }
      for entry in bins {
        let (name, value) = try Self.pair(entry, option: "--bins")
        let edges = try value.split(separator: ",").map { text -> Double in
          let text = text.trimmingCharacters(in: .whitespaces)
          if ["inf", "+inf", "∞"].contains(text) { return .infinity }
          guard let number = Double(text), number.isFinite else {
            throw ValidationError("'--bins \(entry)': '\(text)' is not a number")
          }
          return number
        }
        guard edges.count >= 2, zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 }) else {
          throw ValidationError(
            "'--bins \(entry)': the edges must be at least two, strictly increasing (bins overlap)")
        }
        try declare(
          ProtectedAttribute(name: name, source: .bins(column: name, edges: edges, labels: nil)))
      }
      for entry in probabilities {
        let (name, value) = try Self.pair(entry, option: "--probabilities")
        let groups = try value.split(separator: ",").map { part -> ProtectedAttribute.GroupColumn in
          let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
          guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
            throw ValidationError(
              "'--probabilities \(entry)' expects group:column pairs, found '\(part)'")
          }
          return .init(group: pieces[0], column: pieces[1])
        }
        try declare(ProtectedAttribute(name: name, source: .probabilities(groups)))
      }
      var intersections: [[String]] = []
      for entry in groups {
        let names = entry.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        guard !names.contains(where: \.isEmpty) else {
          throw ValidationError("'--group \(entry)' names an empty attribute")
        }
        for name in names where !attributes.contains(where: { $0.name == name }) {
          attributes.append(ProtectedAttribute(name: name, source: .column(name)))
        }
        if names.count > 1 { intersections.append(names) }
      }
      for entry in reference {
        let (name, value) = try Self.pair(entry, option: "--reference")
        guard let index = attributes.firstIndex(where: { $0.name == name }) else {
          throw ValidationError(
            "'--reference \(entry)' names '\(name)', which is not a '--group' attribute")
        }
        attributes[index].reference = value
      }
      return (attributes, intersections)
    }

    private static func pair(_ entry: String, option: String) throws -> (String, String) {
      let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw ValidationError("'\(option)' expects NAME=VALUE, not '\(entry)'")
      }
      return (parts[0], parts[1])
    }
  }
}

/// The formats of `fairgate metrics`.
enum MetricsFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case csv
}
