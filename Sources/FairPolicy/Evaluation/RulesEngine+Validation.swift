public import _FairSupport

extension RulesEngine {
  /// Checks the scopes of `policies` against what `environment` declares, before evaluating.
  ///
  /// Each grouping under `over` must be one the audit declares (matched by attribute set), each
  /// named feature one it knows, and each `group:` one of its feature groups. Problems are
  /// errors located in the policy file, with "did you mean" notes.
  ///
  /// - Returns: The diagnostics, sorted by file, line and column; empty when all is well.
  public func validate(
    _ policies: [Policy], against environment: some PolicyEnvironment
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    let groupingNames = environment.groupings.map(\.description)
    let attributes = Set(environment.groupings.flatMap(\.attributes))
    for policy in policies {
      for rule in policy.enabledRules {
        if case .groupings(let groupings) = rule.over {
          for (index, grouping) in groupings.enumerated()
          where !environment.groupings.contains(where: { $0.hasSameAttributes(as: grouping) }) {
            let location = rule.scopeLocations["over.\(index)"] ?? rule.location
            let unknown = grouping.attributes.filter { !attributes.contains($0) }
            let message: String
            var notes: [Diagnostic.Note] = []
            if unknown.isEmpty {
              message = Message.undeclaredIntersection(grouping)
            } else {
              message = Message.unknownGrouping(grouping, unknown: unknown)
              let candidates = grouping.isIntersection ? Array(attributes).sorted() : groupingNames
              if let suggestion = Suggestion.candidate(for: unknown[0], among: candidates) {
                notes.append(Diagnostic.Note(YAMLReader.Message.didYouMean(suggestion)))
              }
            }
            append(message, at: location, notes: notes, to: &diagnostics, seen: &seen)
          }
        }
        switch rule.features {
        case .names(let names):
          for (index, name) in names.enumerated() where !environment.features.contains(name) {
            let location = rule.scopeLocations["features.\(index)"] ?? rule.location
            let notes = Suggestion.candidate(for: name, among: environment.features).map {
              [Diagnostic.Note(YAMLReader.Message.didYouMean($0))]
            }
            append(
              Message.unknownFeature(name), at: location, notes: notes ?? [], to: &diagnostics,
              seen: &seen)
          }
        case .group(let name) where !environment.featureGroups.contains(name):
          let location = rule.scopeLocations["features.0"] ?? rule.location
          let notes = Suggestion.candidate(for: name, among: environment.featureGroups).map {
            [Diagnostic.Note(YAMLReader.Message.didYouMean($0))]
          }
          append(
            Message.unknownFeatureGroup(name), at: location, notes: notes ?? [],
            to: &diagnostics, seen: &seen)
        default:
          break
        }
      }
    }
    return PolicyError.sorted(diagnostics)
  }

  private func append(
    _ message: String, at location: PolicyLocation?, notes: [Diagnostic.Note],
    to diagnostics: inout [Diagnostic], seen: inout Set<String>
  ) {
    let key = "\(location?.description ?? ""):\(message)"
    guard seen.insert(key).inserted else { return }
    diagnostics.append(
      Diagnostic(
        .error, file: location?.file, line: location?.line, column: location?.column,
        message: message, notes: notes, sourceLine: location?.sourceLine))
  }
}

extension RulesEngine {
  /// The texts of the validation diagnostics.
  enum Message {
    /// A grouping naming attributes the audit does not declare.
    static func unknownGrouping(_ grouping: Grouping, unknown: [String]) -> String {
      grouping.isIntersection
        ? "unknown grouping '\(grouping)': the audit declares no attribute '\(unknown[0])'"
        : "unknown grouping '\(grouping)'"
    }

    /// An intersection of declared attributes that the audit does not declare.
    static func undeclaredIntersection(_ grouping: Grouping) -> String {
      "the audit declares no intersection '\(grouping)'; add it to the manifest's intersections"
    }

    /// A feature the audit does not know.
    static func unknownFeature(_ name: String) -> String {
      "unknown feature '\(name)'"
    }

    /// A feature group the audit does not declare.
    static func unknownFeatureGroup(_ name: String) -> String {
      "unknown feature group '\(name)'"
    }
  }
}
