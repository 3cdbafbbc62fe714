/// A model file format FairGate reads, recognised from the file's content.
public enum ModelFormat: String, Sendable, Hashable, CaseIterable {
  /// XGBoost's JSON model (`Booster.save_model("m.json")`).
  case xgboostJSON = "xgboost-json"
  /// LightGBM's text model (`Booster.save_model("m.txt")`).
  case lightgbmText = "lightgbm-text"
  /// PMML 3.2 to 4.4 (XML).
  case pmml

  /// Recognises the format from the first bytes of a file.
  ///
  /// The extension is not trusted: a JSON object with a `learner` key is XGBoost, a text
  /// that starts with `tree` and has a `version=` line is LightGBM, and an XML document
  /// whose root element is `PMML` is PMML.
  ///
  /// - Parameter prefix: The first few kilobytes of the file.
  /// - Returns: The format, or `nil` if the content is none of these.
  public static func detect(prefix: [UInt8]) -> ModelFormat? {
    var bytes = prefix[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D
    {
      bytes = bytes.dropFirst()
    }
    let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
    if text.hasPrefix("{") && text.contains("\"learner\"") { return .xgboostJSON }
    if text.hasPrefix("tree\n") || text.hasPrefix("tree\r\n") {
      return .lightgbmText
    }
    if text.hasPrefix("<") && text.contains("<PMML") { return .pmml }
    return nil
  }
}
