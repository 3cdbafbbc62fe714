import Foundation

/// Loads PMML documents (versions 3.0 to 4.4) as scoring models.
///
/// ```swift
/// let model = try PMMLModelLoader.load(contentsOf: "fixtures/pmml/xgboost/model.pmml")
/// let data = try CSVReader(options: CSVOptions(columnTypes: model.preferredColumnTypes))
///   .read(contentsOf: "fixtures/pmml/xgboost/data.csv")
/// let matrix = try FeatureMatrix(binding: data, to: model.features, file: "data.csv")
/// let probabilities = model.predict(matrix, output: .probability)
/// ```
///
/// Loading never reads another file or the network: a document with a DOCTYPE is refused
/// before parsing (see ``PMMLModel`` for the evaluation rules).
public enum PMMLModelLoader {
  /// The largest document accepted, in bytes: 256 MiB.
  public static let defaultSizeLimit = 256 * 1024 * 1024

  /// Loads the PMML document at `path`.
  ///
  /// - Parameter path: The file; messages name it as given.
  /// - Returns: The top-level model of the document.
  /// - Throws: `ModelError`: `fileNotFound`, `unreadable`; `insecure` for a document type
  ///   declaration or a document over ``defaultSizeLimit``; `malformed` for XML errors
  ///   (with the line and the element path where the document broke); `unknownFormat` when
  ///   the root is not PMML; `unsupported` for an element, attribute value or function
  ///   FairGate does not evaluate (naming it and its path), or for more than 100,000
  ///   `TreeModel`s or 10,000,000 nodes in one (<doc:LoaderConsistency#Size-limits>);
  ///   `invalidStructure` for an inconsistent model.
  /// - Complexity: O(*b*) for a document of *b* bytes.
  public static func load(contentsOf path: String) throws -> PMMLModel {
    try load(contentsOf: path, sizeLimit: defaultSizeLimit)
  }

  /// Loads a PMML document from memory.
  ///
  /// - Parameters:
  ///   - data: The document's bytes (UTF-8 or an ASCII-compatible encoding).
  ///   - file: The name used in messages.
  /// - Returns: The top-level model of the document.
  /// - Throws: `ModelError`, as ``load(contentsOf:)``.
  /// - Complexity: O(*b*) for a document of *b* bytes.
  public static func load(data: [UInt8], file: String) throws -> PMMLModel {
    try load(data: data, file: file, sizeLimit: defaultSizeLimit)
  }

  /// Loads the document at `path`, refusing files over `sizeLimit` bytes without reading
  /// more than `sizeLimit + 1` bytes.
  static func load(contentsOf path: String, sizeLimit: Int) throws -> PMMLModel {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ModelError(.fileNotFound, file: path, message: "the file does not exist")
    }
    guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
      throw ModelError(.unreadable, file: path, message: "the file cannot be opened for reading")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
    } catch {
      throw ModelError(
        .unreadable, file: path, message: "the file cannot be read", underlying: error)
    }
    return try load(data: [UInt8](data), file: path, sizeLimit: sizeLimit)
  }

  /// Loads a document from memory with a custom size limit and tree limits (lowered by
  /// tests).
  static func load(
    data: [UInt8], file: String, sizeLimit: Int, limits: ModelLimits = .standard
  ) throws -> PMMLModel {
    let document = try PMMLXMLReader.read(data, file: file, sizeLimit: sizeLimit)
    let compiler = PMMLCompiler(document: document, file: file)
    compiler.limits = limits
    let compiled = try compiler.compile()
    return try PMMLModel(compiled: compiled, document: document, file: file)
  }
}
