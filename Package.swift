// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rolewiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rolewiz", targets: ["rolewiz"]),
        .library(name: "SafeText", targets: ["SafeText"]),
        .library(name: "Signals", targets: ["Signals"]),
        .library(name: "SigV4", targets: ["SigV4"]),
        .library(name: "IAMClient", targets: ["IAMClient"]),
        .library(name: "Provisioning", targets: ["Provisioning"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "Wizard", targets: ["Wizard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // The system ncursesw library; the shim header defines the wide-character flags.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // What may reach a terminal or a log: text from outside made inert, secrets redacted.
        .target(name: "SafeText"),
        // Every signal handler, with its C half: the terminal's restore on a
        // fatal signal, and Ctrl-C as a request to stop after the call in flight.
        .target(name: "CSignals"),
        .target(name: "Signals", dependencies: ["CSignals"]),
        // AWS Signature Version 4: pure functions, no I/O.
        .target(
            name: "SigV4",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Credentials, endpoints, transport, IAM and STS operations, errors and retries.
        .target(
            name: "IAMClient",
            dependencies: [
                "SigV4", "SafeText", .product(name: "Subprocess", package: "swift-subprocess"),
                // SHA-1 names the AWS CLI's cache files (~/.aws/sso/cache, ~/.aws/cli/cache).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The generator of Endpoints/Partitions+Generated.swift, kept next to its output.
            exclude: ["Endpoints/generate-partitions.py"]
        ),
        // Role specs, presets, trust policies, lint, plan and apply.
        .target(
            name: "Provisioning",
            dependencies: ["IAMClient", "SafeText", .product(name: "Yams", package: "Yams")],
            exclude: [
                "Catalog/generate-aws-managed-policies.py", "Model/generate-service-principals.py",
                "Lint/generate-service-reference.py",
            ]
        ),
        // A small terminal toolkit on ncursesw that knows nothing of IAM.
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "SafeText", "Signals"]),
        // The console's "Create role" steps as screens.
        .target(name: "Wizard", dependencies: ["TerminalUI", "Provisioning"]),
        // Composition root: commands and wiring only.
        .executableTarget(
            name: "rolewiz",
            dependencies: [
                "IAMClient", "Provisioning", "SafeText", "Signals", "TerminalUI", "Wizard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks/run's Swift side: SigV4 signing rate and list filter timing.
        .executableTarget(name: "rolewiz-bench", dependencies: ["SigV4", "TerminalUI", "Provisioning"], path: "Benchmarks/RolewizBench"),

        // Shared test helpers: the moto server harness, fake HTTP servers, process runners.
        .target(
            name: "TestSupport",
            dependencies: ["IAMClient", .product(name: "Subprocess", package: "swift-subprocess")],
            path: "Tests/TestSupport", exclude: ["python"]),
        // Vectors/ holds the botocore generator and its JSON, read from #filePath.
        .testTarget(name: "SafeTextTests", dependencies: ["SafeText", "TestSupport"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], exclude: ["Vectors"]),
        .testTarget(name: "SignalsTests", dependencies: ["Signals"]),
        .testTarget(name: "IAMClientTests", dependencies: ["IAMClient", "SafeText", "SigV4", "TestSupport"]),
        .testTarget(name: "ProvisioningTests", dependencies: ["Provisioning", "IAMClient", "TestSupport"]),
        // Goldens/ in the two UI test targets: text snapshots, read from #filePath (RECORD_GOLDEN=1 records them).
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CNcursesw", "TestSupport"], exclude: ["Goldens"]),
        .executableTarget(name: "tui-demo", dependencies: ["TerminalUI"], path: "Tests/TUIDemo"),
        .testTarget(name: "WizardTests", dependencies: ["Wizard", "TerminalUI", "Provisioning", "IAMClient", "TestSupport"], exclude: ["Goldens"]),
        // Fuzz targets for every parser of outside input (Tests/Fuzz/run builds them with libFuzzer).
        .target(name: "FuzzTargets", dependencies: ["IAMClient", "Provisioning", "TerminalUI"], path: "Tests/Fuzz/FuzzTargets"),
        .executableTarget(name: "rolewiz-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/rolewiz-fuzz"),
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzTargets", "TestSupport"]),
        .testTarget(
            name: "RolewizTests",
            dependencies: [
                "TestSupport", "IAMClient", "Provisioning", "SafeText", .product(name: "Subprocess", package: "swift-subprocess"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
