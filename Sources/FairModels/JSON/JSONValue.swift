/// A parsed JSON value, as the XGBoost loader reads it.
///
/// Numbers keep the position of their text in the document instead of a converted value, so
/// each field can be converted the way the writer meant it: `Float` for XGBoost's float32
/// arrays (parsed straight from the text, with no detour through `Double`), `Int` for index
/// arrays, `Double` elsewhere. Fields the loader never reads are never converted.
enum JSONValue {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number (including XGBoost's non-standard `NaN`, `Infinity` and `-Infinity`).
  case number(JSONNumber)
  /// A string, with its escapes resolved.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object: its members in document order.
  case object(JSONObject)

  /// A short name of the value's type for messages (`"a string"`, `"an array"`).
  var typeDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
