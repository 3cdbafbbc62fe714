/// An attribution method, as the command line and audit manifests name it.
public enum AttributionMethod: String, Sendable, Hashable, CaseIterable, Codable {
  /// The exact method that fits the model, else KernelSHAP.
  case auto
  /// ``TreeSHAP``: path-dependent TreeSHAP from the model's covers.
  case treePathDependent = "tree-path"
  /// ``InterventionalTreeSHAP`` against a background.
  case treeInterventional = "tree-interventional"
  /// ``LinearSHAP``: the closed form for a linear margin.
  case linear
  /// ``KernelSHAP`` against a background.
  case kernel
  /// ``PermutationShapley`` (antithetic permutations) against a background.
  case permutation
  /// ``LIMETabular``, trained on the background.
  case lime
  /// ``IntegratedGradients`` from the background mean.
  case integratedGradients = "integrated-gradients"

  /// Whether the method draws random samples, so that its result depends on the seed and on
  /// the sample budget.
  public var isSampling: Bool {
    switch self {
    case .kernel, .permutation, .lime: true
    case .auto, .treePathDependent, .treeInterventional, .linear, .integratedGradients: false
    }
  }

  /// Whether the method reads background rows.
  public var needsBackground: Bool {
    switch self {
    case .auto, .treePathDependent: false
    case .treeInterventional, .linear, .kernel, .permutation, .lime, .integratedGradients: true
    }
  }

  /// Whether a request for this method should come with background rows: the methods that
  /// need them, and `auto`, which may choose one of those.
  public var mayUseBackground: Bool { needsBackground || self == .auto }
}
