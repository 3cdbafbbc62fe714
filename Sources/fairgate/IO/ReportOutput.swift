import FairReports

/// Where `fairgate audit` and `fairgate report` put their reports: the text summary on
/// standard output, files in `--out`; without `--out`, the one requested format on standard
/// output.
struct ReportOutput {
  var formats: [ReportFormat]
  var directory: String?

  func write(_ document: FindingsDocument, context: RenderContext) throws {
    let requested = formats.isEmpty ? [ReportFormat.text] : formats
    let out = StandardOutput()
    if let directory {
      let files = requested.filter { $0 != .text }
      let written = try ReportDirectory.write(
        document, formats: files, to: directory, context: context)
      out.write(try ReportFormat.text.render(document, in: context))
      for path in written { StandardError.write("wrote \(path)") }
    } else {
      for format in requested { out.write(try format.render(document, in: context)) }
    }
    out.flush()
  }
}
