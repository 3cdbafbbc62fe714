/// The text of a JSON number: where it starts in the document and how many bytes it spans.
struct JSONNumber {
  /// The byte offset of the first character.
  var offset: Int
  /// The number of bytes.
  var length: Int
}
