public import FairMetrics
import FairPolicy
import Foundation
import _FairSupport

/// Reads a reason-code table (CSV or YAML) and checks it against a model's features.
///
/// CSV (a file ending in `.csv`) has the header `code,text,features` and optionally
/// `prohibited_basis`; `features` lists one or more model features separated by `;`:
///
/// ```
/// code,text,features
/// RC01,Status of existing checking account,checking_status
/// RC02,Length of the requested loan term,duration_months
/// ```
///
/// YAML (any other file) is a mapping with an optional `version` (the model version the
/// dictionary belongs to) and a list `reason_codes`, each with `code`, `text`, `features` (a
/// name or a list) and optionally `prohibited_basis`.
///
/// Every code is defined once, every feature belongs to at most one code, and every feature
/// must be one the model reads; features the table leaves out stand for themselves. All
/// problems are reported together, each with its place.
public struct ReasonTableReader: Sendable {
  /// The model's features, in order.
  public var featureNames: [String]

  /// Creates a reader for a model whose features are `featureNames`.
  public init(featureNames: [String]) {
    self.featureNames = featureNames
  }

  /// Reads the table at `path`.
  ///
  /// - Parameter path: The file.
  /// - Returns: The table.
  /// - Throws: ``ReasonTableError`` with every problem found.
  public func read(contentsOf path: String) throws -> ReasonTable {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ReasonTableError(diagnostics: [
        Diagnostic(
          file: path, message: ReasonTableError.Message.unreadable(error.localizedDescription))
      ])
    }
    return try parse(text, file: path)
  }

  /// Parses `text`, which came from `file` (whose extension picks the format).
  ///
  /// - Throws: ``ReasonTableError`` with every problem found.
  public func parse(_ text: String, file: String) throws -> ReasonTable {
    let entries: [Entry]
    var diagnostics: [Diagnostic] = []
    if file.lowercased().hasSuffix(".csv") {
      entries = csvEntries(text, file: file, diagnostics: &diagnostics)
    } else {
      entries = yamlEntries(text, file: file, diagnostics: &diagnostics)
    }
    let codes = check(entries, file: file, diagnostics: &diagnostics)
    guard !diagnostics.contains(where: { $0.severity == .error }) else {
      throw ReasonTableError(diagnostics: diagnostics)
    }
    return ReasonTable(codes: codes, source: file)
  }

  /// A place in the table file.
  struct Place {
    var line: Int
    var column: Int?
    /// For CSV: the column's header name, put before the message.
    var columnName: String?
    var sourceLine: String?
  }

  /// One entry as read, with the places of its parts.
  struct Entry {
    var code: String
    var codePlace: Place
    var text: String
    var features: [(name: String, place: Place)]
    var prohibitedBasis: String?
  }

  /// Checks entries against each other and the model; returns the codes.
  private func check(_ entries: [Entry], file: String, diagnostics: inout [Diagnostic])
    -> [ReasonCode]
  {
    var firstCode: [String: Place] = [:]
    var owner: [String: String] = [:]
    var codes: [ReasonCode] = []
    for entry in entries {
      if let first = firstCode[entry.code] {
        diagnostics.append(
          diagnostic(
            ReasonTableError.Message.duplicateCode(entry.code), at: entry.codePlace, file: file,
            notes: [
              Diagnostic.Note(
                ReasonTableError.Message.firstCode(entry.code), line: first.line,
                column: first.column)
            ]))
        continue
      }
      firstCode[entry.code] = entry.codePlace
      for feature in entry.features {
        if !featureNames.contains(feature.name) {
          let notes = closestMatch(to: feature.name, among: featureNames).map {
            [Diagnostic.Note(ReasonTableError.Message.didYouMean($0))]
          }
          diagnostics.append(
            diagnostic(
              ReasonTableError.Message.unknownFeature(feature.name), at: feature.place,
              file: file, notes: notes ?? []))
        } else if let code = owner[feature.name] {
          diagnostics.append(
            diagnostic(
              ReasonTableError.Message.duplicateFeature(feature.name, code: code),
              at: feature.place, file: file))
        } else {
          owner[feature.name] = entry.code
        }
      }
      guard !entry.features.isEmpty else { continue }
      codes.append(
        ReasonCode(
          code: entry.code, text: entry.text, features: entry.features.map(\.name),
          prohibitedBasis: entry.prohibitedBasis))
    }
    return codes
  }

  /// A diagnostic at `place`.
  func diagnostic(
    _ message: String, at place: Place, file: String, notes: [Diagnostic.Note] = []
  ) -> Diagnostic {
    if let name = place.columnName, let column = place.column {
      return Diagnostic(
        file: file, line: place.line, message: "column \(column) '\(name)': " + message,
        notes: notes)
    }
    return Diagnostic(
      file: file, line: place.line, column: place.column, message: message, notes: notes,
      sourceLine: place.sourceLine)
  }
}
