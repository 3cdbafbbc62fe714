import FairAudit
import Foundation
import Synchronization

/// Progress of a long command on standard error.
///
/// On a terminal: a live line with the stage, then its elapsed time; otherwise one quiet
/// line per stage that took longer than half a second. Standard output carries only results.
final class ProgressDisplay: Sendable {
  private let isTerminal = Terminal.standardErrorIsTerminal
  private let started = Mutex<[String: ContinuousClock.Instant]>([:])
  private let total = ContinuousClock.now

  /// Shows one stage event.
  @Sendable func report(_ progress: AuditProgress) {
    let now = ContinuousClock.now
    if !progress.isFinished {
      started.withLock { $0[progress.stage] = now }
      if isTerminal { StandardError.writeRaw("\r\u{1B}[2K… \(progress.stage)") }
      return
    }
    let start = started.withLock { $0[progress.stage] } ?? now
    let seconds = Self.seconds(now - start)
    if isTerminal {
      StandardError.writeRaw("\r\u{1B}[2K✓ \(progress.stage) (\(seconds))\n")
    } else if now - start > .milliseconds(500) {
      StandardError.write("fairgate: \(progress.stage): \(seconds)")
    }
  }

  /// Ends the display with the total time on a terminal.
  func finish() {
    if isTerminal { StandardError.writeRaw("\r\u{1B}[2K") }
  }

  private static func seconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    return String(format: "%.1f s", Double(whole) + Double(attoseconds) * 1e-18)
  }
}
