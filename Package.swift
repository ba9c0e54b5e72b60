// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "amtsbote",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "amtsbote", targets: ["amtsbote"]),
        .library(name: "AmtsboteCore", targets: ["AmtsboteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Already in Hummingbird's graph; declared so HTTPField.Name and ServiceGroup can be named.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Pure core: knowledge model and loader, normalisation, matcher, dialogue decisions. No I/O libraries.
        .target(
            name: "AmtsboteCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // SQLite persistence shared by the server and the command line.
        .target(
            name: "AmtsboteStore",
            dependencies: [
                "AmtsboteCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Webhook server, channels, outbox delivery.
        .target(
            name: "AmtsboteServer",
            dependencies: [
                "AmtsboteCore",
                "AmtsboteStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("WebChat")],
            swiftSettings: swiftSettings
        ),
        // Command-line commands (library, so they can be tested without a process).
        .target(
            name: "AmtsboteCLI",
            dependencies: [
                "AmtsboteCore",
                "AmtsboteStore",
                "AmtsboteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "amtsbote",
            dependencies: ["AmtsboteCLI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AmtsboteCoreTests",
            dependencies: ["AmtsboteCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AmtsboteStoreTests",
            dependencies: ["AmtsboteCore", "AmtsboteStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AmtsboteServerTests",
            dependencies: [
                "AmtsboteServer",
                "AmtsboteStore",
                // The end-to-end escalation tests run the staff commands next to the server.
                "AmtsboteCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AmtsboteCLITests",
            dependencies: ["AmtsboteCLI", "AmtsboteCore", "AmtsboteServer", "AmtsboteStore"],
            swiftSettings: swiftSettings
        ),
    ]
)
