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
  /// - Parameter path: An XGBoost JSON, LightGBM text or PMML file.
  /// - Returns: The model, ready to score.
  /// - Throws: `ModelError` when the file is missing, of no known format, or invalid; the
  ///   message names the file and the place.
  public static func load(contentsOf path: String) throws -> any ScoringModel {
    switch try detectFormat(of: path) {
    case .xgboostJSON: return try XGBoostModelLoader.load(contentsOf: path)
    case .lightgbmText: return try LightGBMModelLoader.load(contentsOf: path)
    case .pmml: return try PMMLModelLoader.load(contentsOf: path)
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
