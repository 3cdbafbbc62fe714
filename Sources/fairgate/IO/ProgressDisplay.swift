import FairAudit
import Foundation
import Synchronization

/// Progress of a long command on standard error.
///
/// On a terminal: a live line with the stage, then its elapsed time. Otherwise: one quiet
/// line per stage that took longer than half a second. Standard output carries only
/// results.
final class ProgressDisplay: Sendable {
  private struct State {
    var stage = ""
    var stageStart = ContinuousClock.now
    var stepStart = ContinuousClock.now
    var stepTotal = 0
    var lastDraw = ContinuousClock.now - .seconds(1)
  }

  private let isTerminal = Terminal.standardErrorIsTerminal
  private let state = Mutex(State())

  /// Shows one stage event.
  @Sendable func report(_ progress: AuditProgress) {
    let now = ContinuousClock.now
    if !progress.isFinished {
      state.withLock {
        $0.stage = progress.stage
        $0.stageStart = now
        $0.stepTotal = 0
      }
      if isTerminal { StandardError.writeRaw("\r\u{1B}[2K… \(progress.stage)") }
      return
    }
    let start = state.withLock { $0.stageStart }
    let seconds = Self.seconds(now - start)
    if isTerminal {
      StandardError.writeRaw("\r\u{1B}[2K✓ \(progress.stage) (\(seconds))\n")
    } else if now - start > .milliseconds(500) {
      StandardError.write("fairgate: \(progress.stage): \(seconds)")
    }
  }

  /// Ends the display: clears the live line on a terminal.
  func finish() {
    if isTerminal { StandardError.writeRaw("\r\u{1B}[2K") }
  }

  private static func value(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) * 1e-18
  }

  private static func seconds(_ duration: Duration) -> String {
    String(format: "%.1f s", value(duration))
  }
}
