/// The lines a progress display shows for a long task: a live bar with its rate and the time
/// left, and a one-line summary when it ends.
public enum ProgressLine {
  /// A live line: `attributions [######----] 61% 29,800/48,842 rows · 9,900 rows/s · ETA 2 s`.
  ///
  /// The rate and the time left appear once some work is done and time has passed.
  ///
  /// - Parameters:
  ///   - task: What is being done.
  ///   - unit: What is counted.
  ///   - completed: The units done.
  ///   - total: The units in all.
  ///   - elapsed: Seconds since the task started.
  ///   - width: The number of cells of the bar.
  public static func bar(
    task: String, unit: String, completed: Int, total: Int, elapsed: Double, width: Int = 24
  ) -> String {
    let fraction = total > 0 ? min(1, max(0, Double(completed) / Double(total))) : 0
    let filled = Int((fraction * Double(width)).rounded(.down))
    let cells =
      String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    var line =
      "\(task) [\(cells)] \(Int((fraction * 100).rounded(.down)))% "
      + "\(ReportNumber.count(completed))/\(ReportNumber.count(total)) \(unit)"
    if completed > 0 && elapsed > 0 {
      let rate = Double(completed) / elapsed
      line += " · \(ReportNumber.count(Int(rate.rounded()))) \(unit)/s"
      if completed < total {
        line += " · ETA \(duration(Double(total - completed) / rate))"
      }
    }
    return line
  }

  /// The line for a finished task: `attributions: 48,842 rows in 3.1 s (15,756 rows/s)`.
  public static func summary(task: String, unit: String, total: Int, elapsed: Double) -> String {
    var line = "\(task): \(ReportNumber.count(total)) \(unit) in \(duration(elapsed))"
    if elapsed > 0 && total > 0 {
      line += " (\(ReportNumber.count(Int((Double(total) / elapsed).rounded()))) \(unit)/s)"
    }
    return line
  }

  /// A duration for people: `0.4 s`, `12 s`, `3 min 05 s`.
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    if seconds < 10 { return "\((seconds * 10).rounded() / 10) s" }
    let whole = Int(seconds.rounded())
    if whole < 60 { return "\(whole) s" }
    let minutes = whole / 60
    let rest = whole % 60
    return "\(minutes) min \(rest < 10 ? "0" : "")\(rest) s"
  }
}
