public import _FairSupport

/// The problems found in an audit manifest, thrown once with all of them.
///
/// Reading a manifest collects every problem (YAML syntax, unknown keys, wrong types, files
/// that do not exist, values out of range, waivers) before throwing, and so does
/// ``AuditManifest/validate(against:)`` for the columns and values the manifest names. Each
/// diagnostic points at the line and column of the offending value in the manifest, with the
/// source line for the caret and "did you mean" notes where a near name exists.
public struct ManifestError: DiagnosticError {
  /// The problems, sorted by file, line and column; at least one is an error.
  public var diagnostics: [Diagnostic]

  /// Creates an error from diagnostics, which it sorts by file, line and column (the order of
  /// diagnostics at one place is kept).
  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.enumerated().sorted { left, right in
      let l = (left.element.file ?? "", left.element.line ?? 0, left.element.column ?? 0)
      let r = (right.element.file ?? "", right.element.line ?? 0, right.element.column ?? 0)
      return l == r ? left.offset < right.offset : l < r
    }.map(\.element)
  }

  /// Every diagnostic's full rendering (header, source line, caret and notes).
  public var description: String { renderedDiagnostics }
}
