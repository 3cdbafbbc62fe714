import Foundation
import _FairSupport

/// Resolves `extends` for a set of policy documents and checks each complete rule.
///
/// One resolver serves one ``PolicyLoader/load(_:)`` call: it parses the sources, finds the
/// policies they extend (among the sources, by relative path on disk, or in the search
/// directories), merges inherited rules with the child's overrides, and collects every
/// diagnostic of every file it used.
final class PolicyResolver {
  private let loader: PolicyLoader
  /// Documents by normalised path.
  private var documents: [String: PolicyDocument] = [:]
  /// The paths of the documents whose diagnostics are reported, in first-use order.
  private var usedPaths: [String] = []
  /// Documents of the given sources and used files by policy id.
  private var byID: [String: String] = [:]
  /// Policy ids found in the search directories, by id; filled on first need.
  private var searchIndex: [String: String]?
  /// Resolved policies by path.
  private var resolved: [String: Policy] = [:]

  init(loader: PolicyLoader) {
    self.loader = loader
  }

  /// Resolves `sources`, or throws every problem found.
  func resolve(_ sources: [PolicySource]) throws -> [Policy] {
    var paths: [String] = []
    for source in sources {
      let path = PolicyResolver.normalised(source.file)
      let document = PolicyParser.parse(
        text: source.text, file: source.file, catalog: loader.catalog)
      documents[path] = document
      use(path)
      paths.append(path)
      if let id = document.id {
        if let other = byID[id.value], other != path, let otherDocument = documents[other] {
          document.reader.error(
            Message.duplicatePolicy(id.value, otherFile: otherDocument.file), at: id.position)
        } else {
          byID[id.value] = path
        }
      }
    }
    var policies: [Policy] = []
    for path in paths {
      policies.append(resolve(path: path, chain: []))
    }
    let diagnostics = usedPaths.flatMap { documents[$0]?.reader.diagnostics ?? [] }
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw PolicyError(diagnostics: diagnostics)
    }
    return policies
  }

  private func use(_ path: String) {
    if !usedPaths.contains(path) { usedPaths.append(path) }
  }

  /// Resolves the document at `path`; `chain` holds the paths being resolved above it.
  private func resolve(path: String, chain: [String]) -> Policy {
    if let done = resolved[path] { return done }
    guard let document = documents[path] else {
      preconditionFailure("'path' \(path) was never parsed")
    }
    let reader = document.reader
    let policyID = document.id?.value ?? PolicyResolver.fileStem(document.file)
    var rules: [PolicyRule] = []
    var parents: [String] = []
    var ancestors: [Policy.Ancestor] = []
    for entry in document.extends {
      guard let parentPath = locate(entry, from: document) else { continue }
      if parentPath == path || chain.contains(parentPath) {
        let start = chain.firstIndex(of: parentPath) ?? chain.count
        let cycle = (chain[start...] + [path, parentPath]).map { id(ofPath: $0) }
        reader.error(Message.cycle(cycle), at: entry.position)
        continue
      }
      let parent = resolve(path: parentPath, chain: chain + [path])
      parents.append(parent.id)
      let lineage =
        [
          Policy.Ancestor(
            id: parent.id, title: parent.title, version: parent.version, file: parent.file)
        ]
        + parent.ancestors
      for ancestor in lineage where !ancestors.contains(where: { $0.file == ancestor.file }) {
        ancestors.append(ancestor)
      }
      for rule in parent.rules {
        if let index = rules.firstIndex(where: { $0.id == rule.id }) {
          if rules[index] != rule && !document.rules.contains(where: { $0.id.value == rule.id }) {
            reader.error(
              Message.conflictingInheritance(rule.id, rules[index].declaredIn, rule.declaredIn),
              at: entry.position)
          }
        } else {
          rules.append(rule)
        }
      }
    }
    let checker = RuleChecker(reader: reader, catalog: loader.catalog)
    for declaration in document.rules {
      let location = locate(declaration.position, in: reader)
      var scopeLocations: [String: PolicyLocation] = [:]
      for (index, position) in declaration.overItemPositions.enumerated() {
        scopeLocations["over.\(index)"] = locate(position, in: reader)
      }
      for (index, position) in declaration.featureItemPositions.enumerated() {
        scopeLocations["features.\(index)"] = locate(position, in: reader)
      }
      if let index = rules.firstIndex(where: { $0.id == declaration.id.value }) {
        var rule = rules[index]
        declaration.apply(to: &rule)
        rule.declaredIn = policyID
        rule.location = location
        rule.scopeLocations.merge(scopeLocations) { $1 }
        rules[index] = checker.check(rule, declaration)
      } else if let metric = declaration.metric {
        var rule = PolicyRule(
          id: declaration.id.value, title: declaration.id.value, metric: metric.value,
          declaredIn: policyID, location: location)
        declaration.apply(to: &rule)
        rule.scopeLocations = scopeLocations
        rules.append(checker.check(rule, declaration))
      } else if !declaration.hasMetricKey {
        var notes: [Diagnostic.Note] = []
        if !document.extends.isEmpty {
          notes.append(Diagnostic.Note(Message.noInheritedRule(declaration.id.value)))
        }
        reader.error(
          YAMLReader.Message.missingKey("metric", in: "a rule"), at: declaration.position,
          notes: notes)
      }
    }
    var policy = Policy(
      id: policyID, title: document.title ?? policyID, version: document.version ?? "",
      notes: document.notes, extends: parents, rules: rules, file: document.file)
    policy.ancestors = ancestors
    resolved[path] = policy
    return policy
  }

  private func locate(_ position: SourcePosition, in reader: YAMLReader) -> PolicyLocation {
    PolicyLocation(
      file: reader.file, line: position.line, column: position.column,
      sourceLine: reader.sourceLine(position.line))
  }

  private func id(ofPath path: String) -> String {
    documents[path]?.id?.value ?? PolicyResolver.fileStem(path)
  }

  /// The path of the document an `extends` entry names, parsing it if needed; records an error
  /// and returns `nil` when there is none.
  private func locate(_ entry: Located<String>, from document: PolicyDocument) -> String? {
    let name = entry.value
    let isPath = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    if isPath {
      let base = (document.file as NSString).deletingLastPathComponent
      let path = PolicyResolver.normalised(
        name.hasPrefix("/") ? name : (base.isEmpty ? name : base + "/" + name))
      if documents[path] != nil {
        use(path)
        return path
      }
      guard case .success(let text) = loader.read(path) else {
        document.reader.error(Message.missingFile(name), at: entry.position)
        return nil
      }
      let parsed = PolicyParser.parse(text: text, file: path, catalog: loader.catalog)
      documents[path] = parsed
      use(path)
      if let id = parsed.id?.value, byID[id] == nil { byID[id] = path }
      return path
    }
    if let path = byID[name] {
      use(path)
      return path
    }
    let index = searchDirectoryIndex()
    if let path = index[name] {
      use(path)
      byID[name] = path
      return path
    }
    let known = Array(Set(byID.keys).union(index.keys)).sorted()
    let notes = Suggestion.candidate(for: name, among: known).map {
      [Diagnostic.Note(YAMLReader.Message.didYouMean($0))]
    }
    document.reader.error(Message.unknownPolicy(name), at: entry.position, notes: notes ?? [])
    return nil
  }

  /// Parses every `*.yaml` and `*.yml` file of the search directories once, indexing by id.
  private func searchDirectoryIndex() -> [String: String] {
    if let searchIndex { return searchIndex }
    var index: [String: String] = [:]
    for directory in loader.searchDirectories {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        let path = PolicyResolver.normalised(directory + "/" + name)
        if documents[path] == nil {
          guard case .success(let text) = loader.read(path) else { continue }
          documents[path] = PolicyParser.parse(text: text, file: path, catalog: loader.catalog)
        }
        if let id = documents[path]?.id?.value, index[id] == nil { index[id] = path }
      }
    }
    searchIndex = index
    return index
  }

  /// `path` with `.` and `..` components and repeated slashes removed.
  static func normalised(_ path: String) -> String { PathText.normalised(path) }

  /// The file name without folder and extension.
  static func fileStem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    if let dot = name.lastIndex(of: ".") { return String(name[..<dot]) }
    return name
  }
}

extension PolicyResolver {
  /// The texts of the resolver's diagnostics.
  enum Message {
    /// Two sources declare one policy id.
    static func duplicatePolicy(_ id: String, otherFile: String) -> String {
      "duplicate policy id '\(id)'; '\(otherFile)' declares it too"
    }

    /// `extends` leads back to a policy being resolved.
    static func cycle(_ ids: [String]) -> String {
      "'extends' forms a cycle: " + ids.joined(separator: " -> ")
    }

    /// An `extends` id that names no known policy.
    static func unknownPolicy(_ name: String) -> String {
      "no policy '\(name)' to extend"
    }

    /// An `extends` path that cannot be read.
    static func missingFile(_ path: String) -> String {
      "cannot read '\(path)' to extend"
    }

    /// Two parents declare different rules with one id.
    static func conflictingInheritance(_ id: String, _ first: String, _ second: String) -> String {
      "rule '\(id)' is inherited from both '\(first)' and '\(second)'; override it to choose"
    }

    /// A rule without `metric` that overrides nothing.
    static func noInheritedRule(_ id: String) -> String {
      "no inherited rule '\(id)' to override"
    }
  }
}
