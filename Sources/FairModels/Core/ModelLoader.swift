#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads any model file FairGate reads, recognising its format from the content.
public enum ModelLoader {
  /// Loads the model at `path`.
  ///
  /// - Parameters:
  ///   - path: An XGBoost JSON, LightGBM text or PMML file.
  ///   - link: How the margin of a tree model trained with a custom objective maps to its
  ///     prediction (see ``ModelLink``); `nil` to take it from the objective.
  /// - Returns: The model, ready to score.
  /// - Throws: `ModelError` when the file is missing, of no known format, or invalid, when a
  ///   custom objective has no `link`, or when `link` disagrees with the objective or is
  ///   given for PMML; the message names the file and the place.
  public static func load(contentsOf path: String, link: ModelLink? = nil) throws
    -> any ScoringModel
  {
    switch try detectFormat(of: path) {
    case .xgboostJSON: return try XGBoostModelLoader.load(contentsOf: path, link: link)
    case .lightgbmText: return try LightGBMModelLoader.load(contentsOf: path, link: link)
    case .pmml:
      guard link == nil else {
        throw ModelError(.unsupported, file: path, message: ModelLink.Message.notApplicable)
      }
      return try PMMLModelLoader.load(contentsOf: path)
    }
  }

  /// Recognises the format of the file at `path` from its first 4 KiB.
  ///
  /// - Throws: `ModelError` when the file cannot be read or is of no known format.
  public static func detectFormat(of path: String) throws -> ModelFormat {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw ModelError(.fileNotFound, file: path, message: "no such file") }
      throw ModelError(.unreadable, file: path, message: "cannot open the file (errno \(code))")
    }
    defer { close(descriptor) }
    var prefix = [UInt8](repeating: 0, count: 4096)
    let count = prefix.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count >= 0 else {
      throw ModelError(.unreadable, file: path, message: "cannot read the file")
    }
    guard let format = ModelFormat.detect(prefix: Array(prefix.prefix(count))) else {
      throw ModelError(
        .unknownFormat, file: path,
        message: "not a model FairGate reads: expected XGBoost JSON, LightGBM text or PMML")
    }
    return format
  }
}
