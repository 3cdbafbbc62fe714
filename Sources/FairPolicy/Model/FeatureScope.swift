/// The features a rule's `features` key names.
public enum FeatureScope: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Every feature (model input) and protected attribute the audit knows.
  case all
  /// The protected attributes.
  case protected
  /// The features the audit flags as possible proxies of a protected attribute.
  case proxies
  /// The named features.
  case names([String])
  /// The features of a feature group declared in the audit manifest.
  case group(String)

  /// The scope as a policy writes it.
  public var description: String {
    switch self {
    case .all: return "all"
    case .protected: return "protected"
    case .proxies: return "proxies"
    case .names(let names): return names.joined(separator: ", ")
    case .group(let name): return "group: \(name)"
    }
  }
}
