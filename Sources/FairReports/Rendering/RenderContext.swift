/// What a renderer needs from its caller besides the document: the audit's timestamp, and
/// choices of presentation that depend on where the report goes.
///
/// Library code never reads a clock, the environment or the terminal: the command line
/// decides the timestamp (from `SOURCE_DATE_EPOCH` when set, through
/// ``init(sourceDateEpoch:now:colour:fullReportLocation:markdownCharacterLimit:)``), the
/// colour (from `isatty` and `NO_COLOR`) and where the full report is, and passes them
/// here. The same document and context always render the same bytes.
public struct RenderContext: Sendable, Equatable {
  /// GitHub's limit on the length of a pull-request comment, in characters.
  public static let gitHubCommentLimit = 65_536

  /// When the audit ran, in whole seconds since 1970-01-01T00:00:00Z.
  ///
  /// The audit pipeline writes ``generatedAtText`` into
  /// ``FindingsDocument/generatedAt``; renderers show the document's own timestamp, so
  /// re-rendering a saved document reproduces its report.
  public var generatedAt: Int64
  /// Whether the text renderer may use ANSI colour.
  public var colour: Bool
  /// Where the full report is (a path or URL), named where a report leaves rows out.
  public var fullReportLocation: String?
  /// The largest Markdown report, in UTF-8 bytes (so also in characters).
  public var markdownCharacterLimit: Int

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - generatedAt: When the audit ran, in seconds since the Unix epoch.
  ///   - colour: Whether the text renderer may use ANSI colour.
  ///   - fullReportLocation: Where the full report is, if anywhere.
  ///   - markdownCharacterLimit: The largest Markdown report, in UTF-8 bytes.
  public init(
    generatedAt: Int64 = 0, colour: Bool = false, fullReportLocation: String? = nil,
    markdownCharacterLimit: Int = RenderContext.gitHubCommentLimit
  ) {
    self.generatedAt = generatedAt
    self.colour = colour
    self.fullReportLocation = fullReportLocation
    self.markdownCharacterLimit = markdownCharacterLimit
  }

  /// Creates a context whose timestamp is `SOURCE_DATE_EPOCH` when the caller has one,
  /// else `now`.
  ///
  /// - Parameters:
  ///   - sourceDateEpoch: The value of `SOURCE_DATE_EPOCH`, as read by the caller, or `nil`.
  ///   - now: The current time in seconds since the Unix epoch, read by the caller.
  ///   - colour: Whether the text renderer may use ANSI colour.
  ///   - fullReportLocation: Where the full report is, if anywhere.
  ///   - markdownCharacterLimit: The largest Markdown report, in UTF-8 bytes.
  /// - Throws: ``ReportError`` of kind ``ReportError/Kind/invalidSourceDateEpoch`` when the
  ///   value is not a non-negative whole number.
  public init(
    sourceDateEpoch: String?, now: @autoclosure () -> Int64, colour: Bool = false,
    fullReportLocation: String? = nil,
    markdownCharacterLimit: Int = RenderContext.gitHubCommentLimit
  ) throws {
    let timestamp: Int64
    if let sourceDateEpoch, !sourceDateEpoch.isEmpty {
      guard sourceDateEpoch.allSatisfy(\.isASCII), let seconds = Int64(sourceDateEpoch),
        seconds >= 0
      else { throw ReportError.invalidSourceDateEpoch(sourceDateEpoch) }
      timestamp = seconds
    } else {
      timestamp = now()
    }
    self.init(
      generatedAt: timestamp, colour: colour, fullReportLocation: fullReportLocation,
      markdownCharacterLimit: markdownCharacterLimit)
  }

  /// ``generatedAt`` as an ISO-8601 UTC timestamp, `2026-11-20T09:30:00Z`.
  public var generatedAtText: String { CivilTime(secondsSinceEpoch: generatedAt).timestamp }

  /// The date part of ``generatedAtText``, `2026-11-20`, the default as-of date.
  public var generatedOnText: String { CivilTime(secondsSinceEpoch: generatedAt).date }
}
