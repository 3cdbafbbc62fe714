// swift-tools-version:6.1
import PackageDescription

// Fuzz targets live in their own package, as the benchmarks do, so that nothing here reaches
// users of FairGate. Build them with `Fuzz/build.sh` (coverage and AddressSanitizer
// instrumentation for every Swift module, libFuzzer linked without its `main`).
let targets = [
  "fuzz-csv": ["FairTabular"],
  "fuzz-xgboost": ["FairModels"],
  "fuzz-lightgbm": ["FairModels"],
  "fuzz-pmml": ["FairModels"],
  "fuzz-policy": ["FairPolicy"],
  "fuzz-manifest": ["FairAudit", "FairPolicy"],
  "fuzz-loss-expression": ["FairMetrics"],
  "fuzz-partial-evidence": ["FairAudit", "FairMetrics"],
]

let package = Package(
  name: "FairGateFuzz",
  dependencies: [.package(name: "FairGate", path: "..")],
  targets: [
    .target(name: "FuzzDriver"),
    // What the three model targets do with an input: load it as the product does, and score
    // what loads.
    .target(
      name: "ModelFuzzing",
      dependencies: ["FuzzDriver", .product(name: "FairModels", package: "FairGate")]),
  ]
    + targets.keys.sorted().map { name in
      .executableTarget(
        name: name,
        dependencies: ["FuzzDriver"]
          + (targets[name, default: []].contains("FairModels") ? ["ModelFuzzing"] : [])
          + targets[name, default: []].map { .product(name: $0, package: "FairGate") },
        path: "Sources/\(name)")
    }
)
