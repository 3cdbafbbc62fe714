/// The members of a JSON object in document order; lookups are linear, which suits the small
/// objects of a model file.
struct JSONObject {
  /// The members; a repeated key keeps every occurrence, and lookups find the last one, as
  /// XGBoost's own reader does.
  var members: [(key: String, value: JSONValue)]

  /// The value of the last member named `key`, if any.
  subscript(key: String) -> JSONValue? {
    members.last { $0.key == key }?.value
  }
}
