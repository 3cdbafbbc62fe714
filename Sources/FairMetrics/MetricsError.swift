public import _FairSupport

/// A request for evidence that cannot be met: an unknown attribute, a reference group that
/// is not in the data, a grouping with no known rows.
///
/// Problems located in the data file are `DataError`s; this error is for the request itself
/// and names what it concerns (`attribute 'sex'`, `grouping 'sex × race'`).
public struct MetricsError: DiagnosticError {
  /// What the error concerns, such as `attribute 'sex'`.
  public var subject: String?
  /// The message, lower-case with no final period.
  public var message: String
  /// The file the request came from (a manifest), when known.
  public var file: String?

  /// Creates an error.
  public init(subject: String? = nil, message: String, file: String? = nil) {
    self.subject = subject
    self.message = message
    self.file = file
  }

  /// The error as one diagnostic.
  public var diagnostics: [Diagnostic] {
    [Diagnostic(file: file, place: subject, message: message)]
  }

  /// The error in compiler style.
  public var description: String { diagnostics[0].description }
}
