/// The bytes of one field within the tokenizer's buffer.
struct FieldSpan {
  /// Offset of the first content byte (after an opening quote).
  var start: Int
  /// Offset one past the last content byte (before a closing quote).
  var end: Int
  /// The 1-based physical line on which the field starts.
  var line: Int
  /// Whether the field was quoted.
  var isQuoted: Bool
  /// Whether the content holds doubled quotes that must be collapsed.
  var needsUnescape: Bool
}

/// One record as the tokenizer hands it to a sink: field spans into a buffer that is only
/// valid during the call.
struct CSVRecord {
  var bytes: UnsafeBufferPointer<UInt8>
  var fields: [FieldSpan]
  /// The 1-based physical line on which the record starts.
  var line: Int

  /// Whether the record is an empty line.
  var isBlank: Bool {
    fields.count == 1 && !fields[0].isQuoted && fields[0].start == fields[0].end
  }

  /// The content bytes of field `index`, with doubled quotes collapsed.
  func contentBytes(_ index: Int) -> [UInt8] {
    fields[index].content(in: bytes)
  }
}

extension FieldSpan {
  /// The raw bytes of the field within `bytes` (doubled quotes not collapsed).
  @inline(__always)
  func raw(in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// The content bytes of the field within `bytes`, with doubled quotes collapsed.
  func content(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let raw = raw(in: bytes)
    guard needsUnescape else { return Array(raw) }
    var result: [UInt8] = []
    result.reserveCapacity(raw.count)
    var position = 0
    while position < raw.count {
      result.append(raw[position])
      position += raw[position] == CSVTokenizer.quote ? 2 : 1
    }
    return result
  }
}

/// Receives the records of a file in order.
///
/// Records point into the tokenizer's buffer, which is compacted and refilled after
/// ``endOfBuffer(_:)``; a sink that keeps field spans across records must finish with them
/// there.
protocol CSVRecordSink {
  mutating func consume(_ record: CSVRecord) throws(DataError)
  /// Called after the last record of each buffer fill, and before an error of the tokenizer
  /// is thrown, with the buffer the records of this fill point into.
  mutating func endOfBuffer(_ bytes: UnsafeBufferPointer<UInt8>) throws(DataError)
}
