public import FairTabular
public import _FairSupport

extension AuditManifest {
  /// Checks the columns and values the manifest names against the data, once it is read.
  ///
  /// Every named column must exist (with "did you mean" among the header names): the
  /// protected attributes' columns (numeric for bins and membership probabilities, and not
  /// entirely missing), the label, the id column (with unique, present values), the score and
  /// decision columns, the model command's features, feature group members, declared proxies
  /// and `column_types` keys. The reference group must be one of its attribute's values, and
  /// the favourable label and decision must be values of their columns. Each diagnostic points
  /// at the line and column of the offending value in the manifest.
  ///
  /// - Parameter dataset: The data, read with ``DataDeclaration/csvOptions``.
  /// - Returns: The warnings (problems that do not stop the audit), in manifest order.
  /// - Throws: ``ManifestError`` with every error and warning when there is an error.
  /// - Complexity: O(*n*·*k*) for *n* rows and *k* named columns.
  public func validate(against dataset: Dataset) throws -> [Diagnostic] {
    var validator = ManifestValidator(manifest: self, dataset: dataset)
    validator.run()
    let diagnostics = ManifestError(diagnostics: validator.diagnostics).diagnostics
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw ManifestError(diagnostics: diagnostics)
    }
    return diagnostics
  }
}
