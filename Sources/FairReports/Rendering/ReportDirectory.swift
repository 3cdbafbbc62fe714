import Foundation

/// Writes rendered reports into a folder, each file atomically.
public enum ReportDirectory {
  /// Renders `document` in each of `formats` and writes `<folder>/<format's file name>`.
  ///
  /// Each file is written to a temporary file in the same folder and renamed over the
  /// target, so an interrupted run never leaves a half-written report. The folder is created
  /// when missing.
  ///
  /// - Returns: The paths written, in the order of `formats`.
  /// - Throws: ``ReportError`` naming the folder or file that could not be written.
  @discardableResult
  public static func write(
    _ document: FindingsDocument, formats: [ReportFormat], to folder: String,
    context: RenderContext
  ) throws -> [String] {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ReportError(
        .invalidDocument, file: folder, message: "cannot create the output folder",
        underlying: error)
    }
    var written: [String] = []
    for format in formats {
      let path = (folder as NSString).appendingPathComponent(format.fileName)
      let text = try format.render(document, in: context)
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        throw ReportError(
          .invalidDocument, file: path, message: "cannot write the report", underlying: error)
      }
      written.append(path)
    }
    return written
  }
}
