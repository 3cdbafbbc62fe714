/// A value read from a file, with where it was written.
struct Located<Value> {
  /// The value.
  var value: Value
  /// Where the value starts.
  var position: SourcePosition
}

extension Located: Sendable where Value: Sendable {}
