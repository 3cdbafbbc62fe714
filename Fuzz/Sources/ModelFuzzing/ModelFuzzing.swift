public import FairModels
import FuzzDriver

/// Loads `bytes` as the product loads a model file (the format recognised from the content,
/// so that mutations reach every reader), calls `check` with the result, and asks a model that
/// loads to score a row of zeros and a row of missing values.
public func loadAndScore(
  _ bytes: UnsafeBufferPointer<UInt8>, check: ((any ScoringModel)?) -> Void = { _ in }
) {
  let loaded = try? ModelLoader.load(contentsOf: writeInput(bytes))
  check(loaded)
  guard let model = loaded else { return }
  let width = model.featureCount
  guard width <= 100_000 else { return }
  let rows = FeatureMatrix(
    values: Array(repeating: 0, count: width) + Array(repeating: .nan, count: width),
    rowCount: 2, featureCount: width)
  _ = try? model.predict(rows, output: .margin, threads: 1)
}
