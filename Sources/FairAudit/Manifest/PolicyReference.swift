package import FairPolicy

/// One entry of a manifest's `policies:` list, resolved.
///
/// An entry that contains `/` or ends in `.yaml` or `.yml` is a policy file, relative to the
/// manifest's folder; any other entry is the id of a shipped policy pack
/// (`eeoc-four-fifths`, `nyc-ll144`, `ecoa-reg-b`, `eu-ai-act`, `attribution-guardrails`).
public struct PolicyReference: Sendable, Equatable {
  /// What the entry names.
  public enum Target: Sendable, Hashable {
    /// A shipped pack, by id.
    case pack(String)
    /// A policy file; the path is resolved against the manifest's folder.
    case file(String)
  }

  /// What the entry names.
  public var target: Target
  /// The entry as written.
  public var written: String

  /// Where the entry is written.
  package var position: SourcePosition

  /// Creates a reference.
  package init(target: Target, written: String, position: SourcePosition) {
    self.target = target
    self.written = written
    self.position = position
  }

  /// Whether `entry` names a file rather than a pack id.
  public static func isPath(_ entry: String) -> Bool {
    entry.contains("/") || entry.hasSuffix(".yaml") || entry.hasSuffix(".yml")
  }
}
