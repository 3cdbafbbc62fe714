import Foundation

/// A policy file in a pack directory, summarised for `fairgate policy list`.
public struct PolicyPack: Hashable, Sendable {
  /// The policy's id.
  public var id: String
  /// The title.
  public var title: String
  /// The version.
  public var version: String
  /// The file it was read from.
  public var file: String
  /// The resolved policy, with every rule and its citation.
  public var policy: Policy

  /// Creates a summary of a resolved policy.
  public init(_ policy: Policy) {
    id = policy.id
    title = policy.title
    version = policy.version
    file = policy.file
    self.policy = policy
  }

  /// The rules, inherited ones included.
  public var rules: [PolicyRule] { policy.rules }

  /// Reads every `*.yaml` and `*.yml` policy in `directory`, sorted by id.
  ///
  /// Packs may extend each other by id; the directory is also the search directory.
  ///
  /// - Parameters:
  ///   - directory: The folder, such as the shipped `policies/`.
  ///   - catalog: The metrics rules may name.
  /// - Returns: One entry per file.
  /// - Throws: ``PolicyError`` with every problem in every file.
  public static func loadAll(
    from directory: String, catalog: MetricCatalog = .standard
  ) throws -> [PolicyPack] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
      .sorted()
    let loader = PolicyLoader(searchDirectories: [directory], catalog: catalog)
    let policies = try loader.load(files: names.map { directory + "/" + $0 })
    return policies.map(PolicyPack.init).sorted { $0.id < $1.id }
  }
}
