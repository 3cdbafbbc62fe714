#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits a file into RFC 4180 records, streaming it through a fixed-size byte buffer.
///
/// Handles quoted fields with doubled quotes and embedded delimiters and line breaks, LF and
/// CRLF line ends, and a UTF-8 byte-order mark. Memory stays at the buffer size, which grows
/// only when one record is larger than it.
struct CSVTokenizer {
  static let quote = UInt8(ascii: "\"")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  let path: String
  let delimiter: UInt8
  var chunkSize = 4 << 20

  /// Reads the whole file once, handing each record to `sink`.
  ///
  /// - Throws: `DataError` when the file cannot be opened or read, or is malformed.
  func scan<Sink: CSVRecordSink>(into sink: inout Sink) throws(DataError) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw openError(errno) }
    defer { close(descriptor) }

    // A file smaller than a chunk gets a buffer of its size (plus one byte, so that the first
    // read can see the end): reading many small files should not zero 4 MiB for each.
    var status = stat()
    let fileSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : chunkSize
    var buffer = [UInt8](repeating: 0, count: min(chunkSize, max(64, fileSize + 1)))
    var filled = 0
    var position = 0
    var atEnd = false
    var isFirstRead = true
    var line = 1
    var fields: [FieldSpan] = []
    fields.reserveCapacity(64)

    while true {
      // Move the unparsed tail to the front, grow if one record fills the buffer, refill.
      if position > 0 {
        buffer.withUnsafeMutableBufferPointer { raw in
          guard let base = raw.baseAddress else { return }
          memmove(base, base + position, filled - position)
        }
        filled -= position
        position = 0
      }
      if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
      let got = try readChunk(descriptor, into: &buffer, from: filled)
      if got == 0 { atEnd = true }
      filled += got
      if isFirstRead && (filled >= 3 || atEnd) {
        isFirstRead = false
        if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
          position = 3
        }
      } else if isFirstRead {
        continue
      }

      try buffer.withUnsafeBufferPointer { (bytes) throws(DataError) in
        let view = UnsafeBufferPointer(rebasing: bytes[0..<filled])
        do throws(DataError) {
          while position < filled {
            let recordLine = line
            guard
              let next = try parseRecord(
                view, from: position, isFinal: atEnd, line: &line, fields: &fields)
            else { break }
            try sink.consume(CSVRecord(bytes: view, fields: fields, line: recordLine))
            position = next
          }
        } catch {
          // Records before the error come first: an error the sink finds in them wins.
          try sink.endOfBuffer(view)
          throw error
        }
        try sink.endOfBuffer(view)
      }
      if atEnd { return }
    }
  }

  private func readChunk(
    _ descriptor: Int32, into buffer: inout [UInt8], from offset: Int
  ) throws(DataError) -> Int {
    while true {
      let result = buffer.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if result >= 0 { return result }
      if errno == EINTR { continue }
      throw DataError(
        .unreadable, file: path, message: "cannot read the file: \(errnoText(errno))")
    }
  }

  private func openError(_ code: Int32) -> DataError {
    if code == ENOENT {
      return DataError(.fileNotFound, file: path, message: "no such file")
    }
    return DataError(.unreadable, file: path, message: "cannot open the file: \(errnoText(code))")
  }

  private func errnoText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
  }

  /// The offset of the first delimiter, CR or LF at or after `start`, or `bytes.count`.
  ///
  /// Eight bytes at a time: for each byte value sought, `(w − 0x01…01) & ~w & 0x80…80` of
  /// `w = word ^ value·0x01…01` flags the bytes equal to it; flags above a true match may be
  /// spurious, but the lowest flag is exact, and the lowest of the three is the answer.
  @inline(__always)
  static func endOfUnquotedField(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8
  ) -> Int {
    let count = bytes.count
    var position = start
    if let base = bytes.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      let delimiters = ones &* UInt64(delimiter)
      let feeds = ones &* UInt64(lineFeed)
      let returns = ones &* UInt64(carriageReturn)
      while position + 8 <= count {
        let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
        let d = word ^ delimiters
        let f = word ^ feeds
        let r = word ^ returns
        let found =
          ((d &- ones) & ~d | (f &- ones) & ~f | (r &- ones) & ~r) & highs
        if found != 0 { return position + found.trailingZeroBitCount >> 3 }
        position += 8
      }
    }
    while position < count {
      let byte = bytes[position]
      if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
      position += 1
    }
    return position
  }

  /// Parses one record starting at `start`.
  ///
  /// - Returns: The offset just past the record's line end, or `nil` when the buffer ends
  ///   inside the record and more input is coming.
  @inline(__always)
  private func parseRecord(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isFinal: Bool,
    line: inout Int, fields: inout [FieldSpan]
  ) throws(DataError) -> Int? {
    let count = bytes.count
    let delimiter = self.delimiter
    var position = start
    var cursorLine = line
    fields.removeAll(keepingCapacity: true)

    while true {
      let fieldLine = cursorLine
      if position < count && bytes[position] == Self.quote {
        position += 1
        let contentStart = position
        var hasDoubledQuote = false
        while true {
          guard position < count else {
            if isFinal {
              throw DataError(
                .unterminatedQuote, file: path, line: fieldLine,
                column: .init(index: fields.count + 1, name: nil),
                message: DataError.Message.unterminatedQuote)
            }
            return nil
          }
          let byte = bytes[position]
          if byte == Self.quote {
            if position + 1 < count {
              if bytes[position + 1] == Self.quote {
                hasDoubledQuote = true
                position += 2
                continue
              }
              break
            }
            if isFinal { break }
            return nil
          }
          if byte == Self.lineFeed { cursorLine += 1 }
          position += 1
        }
        fields.append(
          FieldSpan(
            start: contentStart, end: position, line: fieldLine, isQuoted: true,
            needsUnescape: hasDoubledQuote))
        position += 1
        if position >= count {
          if isFinal { break }
          return nil
        }
        let next = bytes[position]
        if next == delimiter {
          position += 1
          continue
        }
        guard next == Self.lineFeed || next == Self.carriageReturn else {
          throw DataError(
            .unexpectedCharacter, file: path, line: cursorLine,
            column: .init(index: fields.count, name: nil),
            message: DataError.Message.unexpectedAfterQuote(next))
        }
      } else {
        let contentStart = position
        position = Self.endOfUnquotedField(bytes, from: position, delimiter: delimiter)
        fields.append(
          FieldSpan(
            start: contentStart, end: position, line: fieldLine, isQuoted: false,
            needsUnescape: false))
        if position >= count {
          if isFinal { break }
          return nil
        }
        if bytes[position] == delimiter {
          position += 1
          continue
        }
      }
      // A line end: LF, CRLF or a lone CR.
      if bytes[position] == Self.carriageReturn {
        if position + 1 < count {
          position += bytes[position + 1] == Self.lineFeed ? 2 : 1
        } else if isFinal {
          position += 1
        } else {
          return nil
        }
      } else {
        position += 1
      }
      cursorLine += 1
      break
    }
    line = cursorLine
    return position
  }
}
