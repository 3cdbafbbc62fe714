import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
          let workers = min(threads, width, max(1, rows * width / 4096))
          if workers <= 1 {
            for column in 0..<width { work.convert(column: column) }
            return
          }
          let next = Atomic<Int>(0)
          DispatchQueue.concurrentPerform(iterations: workers) { _ in
            CNumericLocale.run {
              while true {
                let column = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard column < width else { return }
                work.convert(column: column)
              }
            }
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
  /// writes only `columns[c]` and `errors[c]` for the columns `c` it claimed from the atomic
  /// counter, no two threads claim the same column, and the spans, bytes and matcher are only
  /// read. The pointers outlive the threads, which `concurrentPerform` joins before returning.
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

/// The number of processors, for default thread counts.
public enum ProcessorCount {
  /// The processors currently online, at least 1.
  public static var online: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
