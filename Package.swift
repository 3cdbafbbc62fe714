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
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
  ],
  targets: [
    .target(name: "FairTabular", swiftSettings: strictSettings),
    .target(
      name: "FairModels",
      dependencies: ["FairTabular", .product(name: "RealModule", package: "swift-numerics")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "FairAttribution",
      dependencies: [
        "FairTabular", "FairModels", .product(name: "RealModule", package: "swift-numerics"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "fairgate",
      dependencies: [
        "FairTabular", "FairModels", "FairAttribution",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .target(name: "_FairTestSupport", swiftSettings: strictSettings),
    .testTarget(
      name: "FairTabularTests",
      dependencies: ["FairTabular", "_FairTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairModelsTests",
      dependencies: ["FairModels", "FairTabular", "_FairTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "FairAttributionTests",
      dependencies: ["FairAttribution", "FairModels", "FairTabular", "_FairTestSupport"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "fairgateTests",
      dependencies: ["fairgate", "_FairTestSupport"],
      exclude: ["Golden"],
      swiftSettings: strictSettings
    ),
  ]
)
