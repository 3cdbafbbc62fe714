import Foundation

extension FindingsDiff {
  /// Renders the diff in each of `formats` and writes `<folder>/<format's file name>`
  /// (`diff.txt`, `diff.md`, `diff.json`), each atomically, creating the folder if needed.
  ///
  /// - Parameters:
  ///   - formats: The formats to write.
  ///   - folder: The folder, usually the audit's `--out`.
  ///   - context: The presentation choices; colour is never written to a file.
  /// - Returns: The paths written, in the order of `formats`.
  /// - Throws: ``ReportError`` naming the folder or file that could not be written.
  @discardableResult
  public func write(formats: [DiffFormat], to folder: String, context: RenderContext) throws
    -> [String]
  {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ReportError(
        .invalidDocument, file: folder, message: "cannot create the output folder",
        underlying: error)
    }
    var plain = context
    plain.colour = false
    var written: [String] = []
    for format in formats {
      let path = (folder as NSString).appendingPathComponent(format.fileName)
      let text = try format.render(self, in: plain)
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
      } catch {
        throw ReportError(
          .invalidDocument, file: path, message: "cannot write the diff", underlying: error)
      }
      written.append(path)
    }
    return written
  }
}
