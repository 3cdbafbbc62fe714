// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the upcoming features the house
/// style requires.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "FairGate",
  products: [
    .executable(name: "fairgate", targets: ["fairgate"]),
    .library(name: "FairTabular", targets: ["FairTabular"]),
    .library(name: "FairModels", targets: ["FairModels"]),
    .library(name: "FairAttribution", targets: ["FairAttribution"]),
    .library(name: "FairMetrics", targets: ["FairMetrics"]),
    .library(name: "FairReports", targets: ["FairReports"]),
    .library(name: "FairPolicy", targets: ["FairPolicy"]),
    .library(name: "FairAudit", targets: ["FairAudit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    .target(
      name: "_FairSupport",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: strictSettings
    ),
    .target(name: "FairTabular", dependencies: ["_FairSupport"], swiftSettings: strictSettings),
    .target(
      name: "FairModels",
      dependencies: [
        "_FairSupport", "FairTabular", .product(name: "RealModule", package: "swift-numerics"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "FairAttribution",
      dependencies: [
        "_FairSupport", "FairTabular", "FairModels",
        .product(name: "RealModule", package: "swift-numerics"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "FairMetrics",
      dependencies: [
        "_FairSupport", "FairTabular", "FairModels", "FairAttribution",
        .product(name: "RealModule", package: "swift-numerics"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "FairReports",
      dependencies: [
        "_FairSupport", "FairTabular", "FairModels", "FairAttribution", "FairMetrics", "FairPolicy",
        "FairAudit",
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "FairPolicy",
      dependencies: ["_FairSupport", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "FairAudit",
      dependencies: [
        "_FairSupport", "FairTabular", "FairModels", "FairAttribution", "FairMetrics", "FairPolicy",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "fairgate",
      dependencies: [
        "_FairSupport", "FairTabular", "FairModels", "FairAttribution", "FairMetrics",
        "FairPolicy", "FairAudit", "FairReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .target(name: "_FairTestSupport", dependencies: ["_FairSupport"], swiftSettings: strictSettings),
    .testTarget(
      name: "FairTabularTests",
      dependencies: ["_FairSupport", "FairTabular", "_FairTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairModelsTests",
      dependencies: ["_FairSupport", "FairModels", "FairTabular", "_FairTestSupport"],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairAttributionTests",
      dependencies: [
        "_FairSupport", "FairAttribution", "FairMetrics", "FairModels", "FairTabular",
        "_FairTestSupport",
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairMetricsTests",
      dependencies: [
        "FairAttribution", "FairMetrics", "FairModels", "FairTabular", "_FairSupport",
        "_FairTestSupport",
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairPolicyTests",
      dependencies: ["FairPolicy", "_FairSupport", "_FairTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairAuditTests",
      dependencies: [
        "FairAudit", "FairAttribution", "FairMetrics", "FairModels", "FairPolicy", "FairTabular",
        "_FairSupport", "_FairTestSupport",
      ],
      exclude: ["Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairReportsTests",
      dependencies: ["FairReports", "_FairTestSupport"],
      exclude: ["Golden"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "fairgateTests",
      dependencies: [
        "fairgate", "_FairSupport", "_FairTestSupport", "FairReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["Golden", "Fixtures"],
      swiftSettings: strictSettings
    ),
  ]
)
