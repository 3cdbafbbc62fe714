import _FairSupport

/// Converts a block of records, column by column, on up to `threads` threads.
enum ColumnConversion {
  /// Appends `rows` records of `spans` (row-major, one span per column) to `builders`.
  ///
  /// Each column is converted by exactly one thread, in row order, so the builders end up
  /// the same for any thread count.
  ///
  /// - Returns: The error on the earliest line (then leftmost column), if any column failed.
  static func run(
    builders: inout [ColumnBuilder], spans: [FieldSpan], rows: Int,
    bytes: UnsafeBufferPointer<UInt8>, missing: MissingTokenMatcher, path: String, threads: Int
  ) -> DataError? {
    let width = builders.count
    var failures = [DataError?](repeating: nil, count: width)
    builders.withUnsafeMutableBufferPointer { columns in
      failures.withUnsafeMutableBufferPointer { errors in
        spans.withUnsafeBufferPointer { spans in
          let work = Work(
            columns: columns, errors: errors, spans: spans, bytes: bytes, rows: rows,
            width: width, missing: missing, path: path)
          // Small blocks stay on the caller: a thread is worth starting for about 4,096 cells.
          let workers = min(threads, max(1, rows * width / 4096))
          _ = ParallelChunks.map(count: width, threads: workers) { column in
            CNumericLocale.run { work.convert(column: column) }
          }
        }
      }
    }
    return failures.compactMap { $0 }.min { left, right in
      (left.line ?? 0, left.column?.index ?? 0) < (right.line ?? 0, right.column?.index ?? 0)
    }
  }

  /// The shared state of one conversion.
  ///
  /// `@unchecked Sendable` because it carries raw pointers across threads: every thread
  /// writes only `columns[c]` and `errors[c]` for the columns `c` that `ParallelChunks` handed
  /// it, no two threads get the same column, and the spans, bytes and matcher are only
  /// read. The pointers outlive the threads, which `ParallelChunks.map` joins before returning.
  private struct Work: @unchecked Sendable {
    let columns: UnsafeMutableBufferPointer<ColumnBuilder>
    let errors: UnsafeMutableBufferPointer<DataError?>
    let spans: UnsafeBufferPointer<FieldSpan>
    let bytes: UnsafeBufferPointer<UInt8>
    let rows: Int
    let width: Int
    let missing: MissingTokenMatcher
    let path: String

    func convert(column: Int) {
      do throws(DataError) {
        for row in 0..<rows {
          let field = spans[row * width + column]
          try columns[column].append(
            bytes, field: field, isMissing: missing.isMissing(field.raw(in: bytes)), path: path)
        }
      } catch {
        errors[column] = error
      }
    }
  }
}
