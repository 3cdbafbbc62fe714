/// A list of coalitions to value, each for one explained row: the features taken from the
/// row; every other feature comes from the background.
struct CoalitionRequests: Sendable {
  /// The explained row of each request, as an index into the explained matrix.
  private(set) var rows: [Int32] = []
  /// Offsets into ``features``: request `i` uses `features[featureStart[i]..<featureStart[i+1]]`.
  private(set) var featureStart: [Int] = [0]
  /// The features taken from the explained row, request after request.
  private(set) var features: [Int32] = []

  /// The number of requests.
  var count: Int { rows.count }

  /// Starts a request for `row`; add its features with ``appendFeature(_:)``.
  mutating func begin(row: Int) {
    rows.append(Int32(row))
    featureStart.append(features.count)
  }

  /// Adds a feature to the request begun last.
  mutating func appendFeature(_ feature: Int) {
    features.append(Int32(feature))
    featureStart[featureStart.count - 1] = features.count
  }
}
