public import _FairSupport

/// The problems found in one or more policy or waiver files, thrown once with all of them.
///
/// Reading collects every problem before throwing, so one run shows every mistake. The
/// diagnostics are sorted by file, line and column.
public struct PolicyError: DiagnosticError {
  /// The problems; at least one is an error.
  public var diagnostics: [Diagnostic]

  /// Creates an error from diagnostics, which it sorts by file, line and column.
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = PolicyError.sorted(diagnostics)
  }

  /// Every diagnostic's full rendering (header, source line, caret and notes).
  public var description: String { renderedDiagnostics }

  /// `diagnostics` in file order, then by line and column; the order of equal places is kept.
  static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { left, right in
      let l = (left.element.file ?? "", left.element.line ?? 0, left.element.column ?? 0)
      let r = (right.element.file ?? "", right.element.line ?? 0, right.element.column ?? 0)
      return l == r ? left.offset < right.offset : l < r
    }.map(\.element)
  }
}
