import FairModels
import FuzzDriver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

// The model loader on any bytes, seeded with PMML documents (the format is recognised from
// the content, as the product does, so mutations reach every reader). A model that loads is
// then asked to score a row of zeros and a row of missing values.
//
// The XXE canary: a file outside the input holds a secret token. The product must refuse
// any document with a DOCTYPE or an entity, so no model may ever load with the token in its
// feature names or levels; checked on every input that loads, and on a document that names
// the canary as an external entity before fuzzing starts.
let canaryPath = (Environment.values["TMPDIR"] ?? "/tmp") + "/fairgate-fuzz-canary.txt"
let canaryToken = "FAIRGATE-CANARY-0d1f57"
let canary = fopen(canaryPath, "w")
precondition(canary != nil, "cannot write the canary file \(canaryPath)")
fputs(canaryToken, canary)
fclose(canary)

/// Traps when a loaded model carries the canary's token: the reader read a file outside its
/// input.
func checkCanary(_ model: any ScoringModel) {
  for feature in model.features {
    var texts = [feature.name]
    if case .categorical(let levels) = feature.kind { texts += levels }
    for text in texts where text.contains(canaryToken) {
      fatalError("XXE: the model read the canary file \(canaryPath) through an entity")
    }
  }
}

let external = """
  <?xml version="1.0"?>
  <!DOCTYPE PMML [<!ENTITY secret SYSTEM "file://\(canaryPath)">]>
  <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
    <DataDictionary>
      <DataField name="&secret;" optype="continuous" dataType="double"/>
      <DataField name="y" optype="continuous" dataType="double"/>
    </DataDictionary>
    <RegressionModel functionName="regression">
      <MiningSchema>
        <MiningField name="&secret;"/>
        <MiningField name="y" usageType="target"/>
      </MiningSchema>
      <RegressionTable intercept="0"><NumericPredictor name="&secret;" coefficient="1"/></RegressionTable>
    </RegressionModel>
  </PMML>
  """
external.utf8.withContiguousStorageIfAvailable { bytes in
  let path = writeInput(bytes, suffix: ".xxe")
  if let model = try? ModelLoader.load(contentsOf: path) {
    checkCanary(model)
    fatalError("XXE: a PMML document with an external entity was accepted")
  }
}

runFuzzer { bytes in
  let path = writeInput(bytes)
  guard let model = try? ModelLoader.load(contentsOf: path) else { return }
  checkCanary(model)
  let width = model.featureCount
  guard width <= 100_000 else { return }
  let rows = FeatureMatrix(
    values: Array(repeating: 0, count: width) + Array(repeating: .nan, count: width),
    rowCount: 2, featureCount: width)
  _ = try? model.predict(rows, output: .margin, threads: 1)
}
