extension FindingsDocument {
  /// A rule's verdict on one subject.
  public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
    /// The requirement is broken; severity and advisory say what follows.
    case fail
    /// The requirement is broken, but a waiver in force excuses it.
    case waived
    /// The subject is too small (or its evidence too uncertain) to judge.
    case insufficientData = "insufficient-data"
    /// The requirement holds.
    case pass

    /// The verdict in capitals, as reports show it: `FAIL`, `WAIVED`, `INSUFFICIENT DATA`,
    /// `PASS`.
    public var label: String {
      switch self {
      case .fail: "FAIL"
      case .waived: "WAIVED"
      case .insufficientData: "INSUFFICIENT DATA"
      case .pass: "PASS"
      }
    }

    private var rank: Int {
      switch self {
      case .fail: 0
      case .waived: 1
      case .insufficientData: 2
      case .pass: 3
      }
    }

    /// Orders verdicts from the most to the least pressing: fail, waived,
    /// insufficient-data, pass.
    public static func < (left: Verdict, right: Verdict) -> Bool { left.rank < right.rank }
  }
}
