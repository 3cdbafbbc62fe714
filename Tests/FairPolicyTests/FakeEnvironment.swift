import FairPolicy

/// An environment with fixed groupings, features and measurements, keyed by
/// `metric|subject description`.
struct FakeEnvironment: PolicyEnvironment {
  var groupings: [Grouping] = [Grouping("sex"), Grouping("race"), Grouping(["sex", "race"])]
  var features: [String] = ["income", "zip", "sex", "race"]
  var featureGroups: [String] = ["address"]
  var protected: [String] = ["sex", "race"]
  var proxies: [String] = ["zip"]
  var measurements: [String: Measurement] = [:]
  /// The slices' values by grouping; the first slice is the reference.
  var slicesByGrouping: [String: [[String]]] = [
    "sex": [["male"], ["female"]],
    "race": [["white"], ["black"]],
    "sex x race": [["male", "white"], ["female", "black"]],
  ]

  func slices(of grouping: Grouping) -> [Slice] {
    (slicesByGrouping[grouping.description] ?? []).enumerated().map {
      Slice(grouping: grouping, values: $1, isReference: $0 == 0)
    }
  }

  func features(in scope: FeatureScope) -> [String] {
    switch scope {
    case .all: return features
    case .protected: return protected
    case .proxies: return proxies
    case .names(let names): return names
    case .group: return ["zip"]
    }
  }

  func measure(_ request: MeasurementRequest) -> Measurement {
    measurements["\(request.metric)|\(request.subject)"]
      ?? .notComputable(reason: "no evidence for \(request.metric)")
  }

  /// Sets the value of `metric` for a `sex` slice.
  mutating func set(_ metric: String, _ slice: String, _ value: MeasuredValue) {
    measurements["\(metric)|sex=\(slice)"] = .value(value)
  }
}

/// A one-rule policy for engine tests.
func policy(_ rule: PolicyRule, id: String = "p") -> Policy {
  Policy(id: id, title: "P", version: "7", rules: [rule])
}

/// The evaluation date of the engine tests.
let testDate = CalendarDate(year: 2026, month: 6, day: 1) ?? CalendarDate(daysSinceEpoch: 0)
