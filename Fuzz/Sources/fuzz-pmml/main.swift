import FairModels
import FuzzDriver
import ModelFuzzing

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
// feature names or levels, and no input may make the reader open the file (its access time
// is set before its modification time, so that any read moves it even on a `relatime`
// mount). Both are checked on every input, and before fuzzing starts on documents that
// point at the canary in every way known to reach a file: external, parameter and
// undeclared entities, a DTD by plain path, a DOCTYPE inside the root, after a BOM and in
// UTF-16, and an XInclude.

// One canary per process, so that two fuzzers on one machine never see each other's reads.
let canaryPath =
  (Environment.values["TMPDIR"] ?? "/tmp") + "/fairgate-fuzz-canary-\(getpid()).txt"
let canaryToken = "FAIRGATE-CANARY-0d1f57"
let canary = fopen(canaryPath, "w")
precondition(canary != nil, "cannot write the canary file \(canaryPath)")
fputs(canaryToken, canary)
fclose(canary)
// Removed at exit (a C callback captures nothing, so the path is rebuilt there).
atexit {
  unlink((Environment.values["TMPDIR"] ?? "/tmp") + "/fairgate-fuzz-canary-\(getpid()).txt")
}

/// Sets the canary's access time before its modification time.
func resetCanaryAccessTime() {
  var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 2_000_000, tv_nsec: 0)]
  precondition(utimensat(AT_FDCWD, canaryPath, &times, 0) == 0, "cannot set the canary's times")
}

/// Whether the canary was read since its access time was last reset.
func canaryWasRead() -> Bool {
  var status = stat()
  precondition(stat(canaryPath, &status) == 0, "the canary file \(canaryPath) is gone")
  return status.st_atim.tv_sec != 1_000_000
}

/// Whether the file system records reads in access times (not on a `noatime` mount).
let recordsReads: Bool = {
  resetCanaryAccessTime()
  let file = fopen(canaryPath, "r")
  var byte: UInt8 = 0
  _ = fread(&byte, 1, 1, file)
  fclose(file)
  defer { resetCanaryAccessTime() }
  return canaryWasRead()
}()

/// Traps when the reader opened the canary file, or a loaded model carries its token.
func checkCanary(_ model: (any ScoringModel)?) {
  if recordsReads && canaryWasRead() {
    fatalError("XXE: the PMML reader read the canary file \(canaryPath)")
  }
  guard let model else { return }
  for feature in model.features {
    var texts = [feature.name]
    if case .categorical(let levels) = feature.kind { texts += levels }
    for text in texts where text.contains(canaryToken) {
      fatalError("XXE: the model read the canary file \(canaryPath) through an entity")
    }
  }
}

let canaryURL = "file://\(canaryPath)"
let regression = """
  <DataDictionary>
    <DataField name="x" optype="continuous" dataType="double"/>
    <DataField name="y" optype="continuous" dataType="double"/>
  </DataDictionary>
  <RegressionModel functionName="regression">
    <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
    <RegressionTable intercept="0"><NumericPredictor name="x" coefficient="1"/></RegressionTable>
  </RegressionModel>
  """
let pmmlOpen = #"<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">"#
/// Documents that must be refused, by name.
let refusedCanaries: [(name: String, bytes: [UInt8])] = [
  (
    "external entity",
    Array(
      """
      <?xml version="1.0"?>
      <!DOCTYPE PMML [<!ENTITY secret SYSTEM "\(canaryURL)">]>
      \(pmmlOpen)
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
      """.utf8)
  ),
  (
    "parameter entity",
    Array(
      """
      <?xml version="1.0"?>
      <!DOCTYPE PMML [<!ENTITY % secret SYSTEM "\(canaryURL)"> %secret;]>
      \(pmmlOpen)<Header/>\(regression)</PMML>
      """.utf8)
  ),
  (
    "DTD by plain path",
    Array(
      """
      <!-- a comment first, then a DTD with a plain path -->
      <!DOCTYPE PMML SYSTEM "\(canaryPath)">
      \(pmmlOpen)<Header/>\(regression)</PMML>
      """.utf8)
  ),
  (
    "DOCTYPE inside the root",
    Array(
      """
      \(pmmlOpen)
      <!DOCTYPE PMML [<!ENTITY secret SYSTEM "\(canaryURL)">]>
      <Header>&secret;</Header>\(regression)</PMML>
      """.utf8)
  ),
  (
    "undeclared entity",
    Array(
      """
      <?xml version="1.0"?>
      \(pmmlOpen)<Header copyright="&secret;">&secret;</Header>\(regression)</PMML>
      """.utf8)
  ),
  (
    "entity after a byte-order mark",
    [0xEF, 0xBB, 0xBF]
      + Array(
        """
        <!DOCTYPE PMML [<!ENTITY secret SYSTEM "\(canaryURL)">]>
        \(pmmlOpen)<Header>&secret;</Header>\(regression)</PMML>
        """.utf8)
  ),
  (
    "entity in UTF-16",
    [0xFF, 0xFE]
      + """
      <?xml version="1.0" encoding="UTF-16"?>
      <!DOCTYPE PMML [<!ENTITY secret SYSTEM "\(canaryURL)">]>
      \(pmmlOpen)<Header>&secret;</Header>\(regression)</PMML>
      """.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
  ),
]
/// An XInclude of the canary: XML without entities, so it may load, but must not read it.
let xinclude = Array(
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <PMML xmlns="http://www.dmg.org/PMML-4_4" xmlns:xi="http://www.w3.org/2001/XInclude" version="4.4">
    <Header><xi:include href="\(canaryURL)" parse="text"/></Header>
  \(regression)
  </PMML>
  """.utf8)

// Each through the CLI's path (format detection first) and straight into the PMML reader.
for (name, document) in refusedCanaries {
  document.withUnsafeBufferPointer { bytes in
    let path = writeInput(bytes, suffix: ".xxe")
    let detected = try? ModelLoader.load(contentsOf: path)
    checkCanary(detected)
    let direct = try? PMMLModelLoader.load(data: document, file: path)
    checkCanary(direct)
    if detected != nil || direct != nil {
      fatalError("XXE: a PMML document with an \(name) was accepted")
    }
  }
}
xinclude.withUnsafeBufferPointer { bytes in
  checkCanary(try? ModelLoader.load(contentsOf: writeInput(bytes, suffix: ".xxe")))
  checkCanary(try? PMMLModelLoader.load(data: xinclude, file: "xinclude.pmml"))
}

runFuzzer { bytes in loadAndScore(bytes, check: checkCanary) }
