import FairModels
import FuzzDriver

// The model loader on any bytes (seeded with lightgbm models; the format is recognised from
// the content, as the product does, so mutations reach every reader). A model that loads is
// then asked to score a row of zeros and a row of missing values.
runFuzzer { bytes in
  let path = writeInput(bytes)
  guard let model = try? ModelLoader.load(contentsOf: path) else { return }
  let width = model.featureCount
  guard width <= 100_000 else { return }
  let rows = FeatureMatrix(
    values: Array(repeating: 0, count: width) + Array(repeating: .nan, count: width),
    rowCount: 2, featureCount: width)
  _ = try? model.predict(rows, output: .margin, threads: 1)
}
