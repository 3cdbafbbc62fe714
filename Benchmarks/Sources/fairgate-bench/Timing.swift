import Foundation

/// Keeps a value alive so the optimiser cannot remove the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}

/// Runs `body` `runs` times and returns the median wall-clock seconds.
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var samples: [Double] = []
  let clock = ContinuousClock()
  for _ in 0..<runs {
    let elapsed = try clock.measure(body)
    samples.append(
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }
  samples.sort()
  return samples[samples.count / 2]
}

/// Prints one JSON object per line, keys sorted, for the driver scripts to read.
func report(_ fields: [String: Any]) {
  if let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) {
    print(String(decoding: data, as: UTF8.self))
  }
}
