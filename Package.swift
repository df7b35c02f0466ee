// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "quark",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Broker", targets: ["Broker"]),
        .library(name: "Services", targets: ["Services"]),
        .library(name: "BrokerTesting", targets: ["BrokerTesting"]),
        .library(name: "ZeroMQTransporter", targets: ["ZeroMQTransporter"]),
        .library(name: "NATSTransporter", targets: ["NATSTransporter"]),
        .executable(name: "quark", targets: ["Node"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "Broker",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "Services",
            dependencies: [
                "Broker",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "NodeKit",
            dependencies: [
                "Broker",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ZeroMQTransporter",
            dependencies: ["Broker", "CZeroMQ", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "NATSTransporter",
            dependencies: [
                "Broker",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BrokerTesting",
            dependencies: ["Broker", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "Node",
            dependencies: [
                "Broker", "BrokerTesting", "Services", "ZeroMQTransporter", "NATSTransporter", "NodeKit", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "BrokerTests",
            dependencies: [
                "Broker", "BrokerTesting", "Services",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "IntegrationTests", dependencies: ["Broker", "BrokerTesting", "ZeroMQTransporter", "NATSTransporter", "Node", "Services"]),
        .testTarget(name: "NodeKitTests", dependencies: ["NodeKit", "Broker", "Services"]),
        .testTarget(
            name: "ServicesTests",
            dependencies: ["Services", "Broker", "BrokerTesting", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "TransporterTests",
            dependencies: [
                "ZeroMQTransporter", "NATSTransporter", "Broker", "BrokerTesting", "Services",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
