// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so their dependencies never reach users of FairGate.
let package = Package(
  name: "FairGateBenchmarks",
  dependencies: [.package(name: "FairGate", path: "..")],
  targets: [
    .executableTarget(
      name: "fairgate-bench",
      dependencies: [
        .product(name: "FairTabular", package: "FairGate"),
        .product(name: "FairModels", package: "FairGate"),
        .product(name: "FairAttribution", package: "FairGate"),
      ],
      swiftSettings: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
      ]
    )
  ]
)
