package import FairPolicy

/// The `proxies:` section of a manifest: when a feature counts as a proxy of a protected
/// attribute.
///
/// ```yaml
/// proxies:
///   threshold: 0.3              # association (Cramér's V, correlation ratio) at or above which
///                               # a feature is a suspected proxy
///   declared: [commute_zone]    # features known to be proxies
/// ```
public struct ProxySettings: Sendable, Equatable {
  /// The association at or above which a feature is a suspected proxy, in (0, 1].
  public var threshold: Double
  /// Features declared to be proxies, whatever their measured association.
  public var declared: [String]

  /// Where each declared proxy is written.
  package var declaredPositions: [SourcePosition] = []

  /// The default association threshold, 0.3 (a "moderate" Cramér's V).
  public static let defaultThreshold = 0.3

  /// Creates settings.
  public init(threshold: Double = ProxySettings.defaultThreshold, declared: [String] = []) {
    self.threshold = threshold
    self.declared = declared
  }

  /// Settings are equal when their threshold and declared proxies are.
  public static func == (lhs: ProxySettings, rhs: ProxySettings) -> Bool {
    lhs.threshold == rhs.threshold && lhs.declared == rhs.declared
  }
}
