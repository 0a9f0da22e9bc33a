import ArgumentParser
import Generator
import Ingest
import Ledger

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a ledger from a built-in generated scenario and show what zorgledger sees.",
        discussion: """
            Generates a year of synthetic traffic between gemeenten and aanbieders (no files needed),
            ingests it into the ledger and prints a short tour. Running it again ingests the same messages
            again: they are all recognised as duplicates.

            Example:
              zorgledger demo --db demo.sqlite
            """)

    @Option(name: .long, help: ArgumentHelp("The demo ledger file.", valueName: "file"))
    var db = "zorgledger-demo.sqlite"

    @Option(help: "Number of clients in the scenario.")
    var clients = 24

    @Option(help: "Number of months of traffic.")
    var months = 12

    @Option(help: "Seed of the scenario.")
    var seed: UInt64 = 2026

    func run() throws {
        let berichten = Array(Scenario(clients: clients, months: months, seed: seed))
        print("zorgledger demo: \(berichten.count) generated messages for \(clients) clients over \(months) months")
        let (ledger, ingester) = try Ingester.withProjections(ledgerPath: db)
        let report = try ingester.ingest(berichten.map { IngestSource.bytes(name: $0.bestandsnaam, $0.bytes) })
        print("\n== ingest into \(db)")
        print(report.summary, terminator: "")

        print("\n== the log, per message type")
        var perType: [String: (count: Int, bytes: Int)] = [:]
        try ledger.forEachEvent { event in
            let key = "\(event.metadata.standaard ?? "?") \(event.metadata.berichttype ?? event.kind.rawValue)"
            perType[key, default: (0, 0)].count += 1
            perType[key, default: (0, 0)].bytes += event.payload.count
        }
        var table = ResultTable(columns: [
            .init("soort"), .init("berichten", nil, .integer), .init("bytes", "XML-bytes", .integer),
        ])
        table.rows = perType.sorted { $0.key < $1.key }.map { key, value in
            [.text(key), .integer(Int64(value.count)), .integer(Int64(value.bytes))]
        }
        print(table.rendered(as: .table), terminator: "")

        print("\n== verify")
        let verification = try ledger.verify()
        print(verification.isIntact
            ? "hash chain intact over \(verification.eventCount) events, head \(verification.headHash)"
            : "PROBLEMS: \(verification.problems.map(\.description).joined(separator: "; "))")

        print("""

            Try next:
              zorgledger --db \(db) bericht 1 --raw
              zorgledger --db \(db) verify
              zorgledger generate --clients 100 --months 12 --out traffic/ && zorgledger ingest traffic/
            """)
    }
}
