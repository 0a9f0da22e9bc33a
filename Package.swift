// swift-tools-version:6.1
import PackageDescription

/// System C libraries, found through pkg-config; `providers` tell a newcomer which apt package is missing.
let cLibraries: [Target] = [
    .systemLibrary(
        name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
        providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite3"])]),
    .systemLibrary(
        name: "CLZ4", path: "Sources/CLZ4", pkgConfig: "liblz4",
        providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]),
    .systemLibrary(
        name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
        providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
    .systemLibrary(
        name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
        providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
]

let package = Package(
    name: "zorgledger",
    products: [
        .executable(name: "zorgledger", targets: ["zorgledger"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Berichten", targets: ["Berichten"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: cLibraries + [
        // Day numbers of the calendar, shared by the message model and the ledger.
        .target(name: "CivilDays"),
        // The message model of iWmo/iJw 3.x: decoding, XSD validation and single-message rules.
        .target(name: "Berichten", dependencies: ["CLibXML2", "CivilDays"]),
        // Realistic, deterministic message traffic for the demo, the tests and the benchmarks.
        .target(name: "Generator", dependencies: ["Berichten"]),
        // The append-only, hash-chained, LZ4-compressed event log. Knows nothing of XML.
        .target(name: "Ledger", dependencies: ["CSQLite", "CLZ4", "COpenSSL", "CivilDays"]),
        // The log in PostgreSQL, for several intake machines writing one shared, replicated log.
        .target(
            name: "PostgresLog",
            dependencies: [
                "Ledger",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // What the ledger records of an iWmo/iJw message: its header columns, the BSN and toewijzing
        // indexes with their reading API, and its identity; the Ledger module holds no domain knowledge.
        .target(name: "Kenmerken", dependencies: ["Ledger", "Berichten"]),
        // Proofs an auditor checks without the ledger: RFC 9162 Merkle tree, signed notes, checkpoints.
        .target(name: "Audit", dependencies: ["Ledger", "COpenSSL"]),
        // Files in, events out: reads, decodes and compresses off the writer, then appends in batches.
        .target(
            name: "Ingest",
            dependencies: ["Berichten", "Ledger", "Kenmerken", "COpenSSL", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Projections: checkpoints, catch-up and rebuild of pure folds of the log.
        .target(name: "Projection", dependencies: ["Ledger", "Kenmerken", "Berichten"]),
        // One module per projection; each stores facts and derives current state in views and queries.
        .target(
            name: "Uitwisseling", dependencies: ["Projection", "Ledger", "Kenmerken", "Berichten"],
            path: "Projections/Uitwisseling"),
        .target(
            name: "Toewijzingen", dependencies: ["Projection", "Uitwisseling", "Ledger", "Berichten"],
            path: "Projections/Toewijzingen"),
        .target(name: "Zorg", dependencies: ["Projection", "Uitwisseling", "Ledger", "Berichten"], path: "Projections/Zorg"),
        .target(
            name: "Verzoeken", dependencies: ["Projection", "Uitwisseling", "Toewijzingen", "Ledger", "Berichten"],
            path: "Projections/Verzoeken"),
        .target(
            name: "Declaraties", dependencies: ["Projection", "Uitwisseling", "Ledger", "Berichten"],
            path: "Projections/Declaraties"),
        // Reconciliation: contract and rule-set facts, and findings evaluated from every projection.
        .target(
            name: "Reconciliatie",
            dependencies: ["Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties", "Ledger",
                           "Berichten", "Kenmerken"],
            path: "Projections/Reconciliatie"),
        // The read side: each row type's columns declared once, rows written as they are read in every
        // format, and the timeline of a client or toewijzing (`traject`).
        .target(
            name: "Query",
            dependencies: [
                "Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties", "Reconciliatie",
                "Ledger", "Berichten",
            ]),
        .executableTarget(
            name: "zorgledger",
            dependencies: [
                "Ingest", "Ledger", "Kenmerken", "Berichten", "Generator", "Audit", "Query", "PostgresLog",
                "Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties", "Reconciliatie",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Benchmarks: the workloads and raw C baselines, the ratio report (`make bench`), and
        // package-benchmark targets whose allocation counts are tracked per change.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                "Ledger", "Kenmerken", "Ingest", "Berichten", "Generator", "CSQLite", "CLZ4", "CLibXML2", "COpenSSL",
            ],
            path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(
            name: "zorgledger-bench",
            dependencies: [
                "BenchmarkSupport", "Ledger", "Kenmerken", "Ingest", "Generator", "Audit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/RatioReport"),
        .executableTarget(
            name: "LedgerBenchmarks",
            dependencies: [
                "BenchmarkSupport", "Ledger", "Kenmerken", "Berichten", "Generator", "CLibXML2",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LedgerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),

        // One copy of what the test targets share: the child process runner, work folders, temporary
        // ledgers, the shared reference material and a seeded generator (like ArgumentParserTestHelpers).
        .target(
            name: "TestSupport", dependencies: ["Ledger", "Kenmerken", "Ingest", "Berichten", "Projection", "PostgresLog"],
            path: "Tests/TestSupport"),
        // Runs a child and reports its peak memory (`ru_maxrss`), untouched by the test process's own.
        .executableTarget(name: "peak-rss", path: "Tests/PeakRSS"),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Kenmerken", "CSQLite", "TestSupport"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "Ledger", "TestSupport"]),
        // The log on a real PostgreSQL server (`.ci/postgres`): the SQLite log's guarantees under concurrent writers.
        .testTarget(
            name: "PostgresLogTests",
            dependencies: ["PostgresLog", "Ledger", "Kenmerken", "Ingest", "Berichten", "Generator", "TestSupport"]),
        .testTarget(name: "BerichtenTests", dependencies: ["Berichten", "Generator", "TestSupport"]),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator", "Berichten", "TestSupport"]),
        .testTarget(
            name: "zorgledgerTests",
            dependencies: [
                "Ingest", "Ledger", "Berichten", "Generator",
                "Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Tries to break the built executable: kills, hostile files, tampering, races, full disks, leaks.
        .testTarget(name: "ReliabilityTests", dependencies: ["TestSupport"]),
        // The query CLI as people and scripts use it: every command and format of the built executable.
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "Ledger"]),
        .testTarget(
            name: "QueryTests",
            dependencies: [
                "Query", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties", "Reconciliatie",
            ]),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: [
                "Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties",
                "Ingest", "Ledger", "Berichten", "Generator", "TestSupport",
            ]),
        .testTarget(
            name: "ReconciliatieTests",
            dependencies: [
                "Reconciliatie", "Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties",
                "Ingest", "Ledger", "Kenmerken", "Berichten", "Generator", "TestSupport",
            ]),
        // Every query a read command runs gets a plan that follows its answer (EXPLAIN QUERY PLAN).
        .testTarget(
            name: "QueryPlanTests",
            dependencies: [
                "Reconciliatie", "Projection", "Uitwisseling", "Toewijzingen", "Zorg", "Verzoeken", "Declaraties",
                "Ledger", "Kenmerken", "Query", "CSQLite", "Berichten", "Generator", "TestSupport",
            ]),
    ]
)

// One strictness policy for every Swift target (the swift-log pattern).
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
