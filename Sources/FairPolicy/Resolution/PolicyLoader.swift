package import Foundation
import _FairSupport

/// Reads policy files, resolves `extends`, and checks every rule.
///
/// ```swift
/// let loader = PolicyLoader(searchDirectories: ["policies"])
/// let policies = try loader.load(files: ["my-policy.yaml"])
/// ```
///
/// An `extends` entry that contains `/` or ends in `.yaml` or `.yml` is a path relative to the
/// extending file; any other entry is a policy id, looked up among the files being loaded and
/// then among the `*.yaml` and `*.yml` files of the search directories.
public struct PolicyLoader: Sendable {
  /// Folders searched for policies extended by id, in order (such as the shipped `policies/`).
  public var searchDirectories: [String]
  /// The metrics rules may name.
  public var catalog: MetricCatalog
  /// Called with each file's path and the bytes its text was decoded from, so that a caller
  /// can record what exactly the policies were parsed from.
  package var bytesRead: (@Sendable (_ path: String, _ bytes: Data) -> Void)?

  /// Creates a loader.
  public init(searchDirectories: [String] = [], catalog: MetricCatalog = .standard) {
    self.searchDirectories = searchDirectories
    self.catalog = catalog
  }

  /// Reads, resolves and checks the policy files at `paths`.
  ///
  /// - Returns: One resolved policy per path, in order.
  /// - Throws: ``PolicyError`` with every problem in these files and the files they extend.
  public func load(files paths: [String]) throws -> [Policy] {
    var sources: [PolicySource] = []
    var diagnostics: [Diagnostic] = []
    for path in paths {
      switch read(path) {
      case .success(let text): sources.append(PolicySource(file: path, text: text))
      case .failure(let error): diagnostics += error.diagnostics
      }
    }
    guard diagnostics.isEmpty else { throw PolicyError(diagnostics: diagnostics) }
    return try load(sources)
  }

  /// Resolves and checks policies given as text.
  ///
  /// - Returns: One resolved policy per source, in order.
  /// - Throws: ``PolicyError`` with every problem found.
  public func load(_ sources: [PolicySource]) throws -> [Policy] {
    let resolver = PolicyResolver(loader: self)
    return try resolver.resolve(sources)
  }

  /// Resolves and checks one policy given as text.
  ///
  /// - Throws: ``PolicyError`` with every problem found.
  public func load(text: String, file: String) throws -> Policy {
    let policies = try load([PolicySource(file: file, text: text)])
    guard let policy = policies.first else {
      preconditionFailure("'load' returned no policy for one source")
    }
    return policy
  }

  /// Reads a file as UTF-8 text, or a ``PolicyError`` naming the file and the problem.
  func read(_ path: String) -> Result<String, PolicyError> {
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(
        PolicyError(diagnostics: [.init(file: path, message: Message.cannotRead)]))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      var line = 1
      var column = 1
      var decoder = UTF8()
      var iterator = data.makeIterator()
      while case .scalarValue(let scalar) = decoder.decode(&iterator) {
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
      return .failure(
        PolicyError(diagnostics: [
          .init(file: path, line: line, column: column, message: Message.notUTF8)
        ]))
    }
    bytesRead?(path, data)
    return .success(text)
  }

  /// The texts of the loader's own diagnostics.
  enum Message {
    /// The file does not exist or cannot be read.
    static let cannotRead = "cannot read the file"
    /// The file is not UTF-8.
    static let notUTF8 = "the file is not valid UTF-8 text"
  }
}
