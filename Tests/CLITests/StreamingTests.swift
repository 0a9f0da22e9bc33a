import TestSupport
import Testing

/// A list command writes its rows as it reads them: ten times the messages, the same peak memory.
@Suite("Streaming output")
struct StreamingTests {
    /// A ledger of generated traffic for `clients` clients over a year (about ten messages each).
    static func ledger(clients: Int) throws -> (WorkDirectory, String) {
        let work = try WorkDirectory()
        let generate = try work.run([
            "generate", "--clients", String(clients), "--months", "12", "--seed", "7", "--out", "traffic",
        ])
        try #require(generate.status == 0, "generate: \(generate.stderr)")
        let ingest = try work.run(["--db", work.ledger, "ingest", "traffic"])
        try #require(ingest.status == 0, "ingest: \(ingest.stderr)")
        return (work, work.ledger)
    }

    /// Growth allowed from the small ledger to the large one: SQLite's page cache grows with the tables it
    /// reads (about 3 MiB here). Rows kept in memory grew by 25 MiB and more (before the rows streamed).
    static let slack = 6 * 1024 * 1024

    @Test func berichtenPeakMemoryStaysFlat() throws {
        let (smallWork, small) = try Self.ledger(clients: 200)
        let (largeWork, large) = try Self.ledger(clients: 2000)
        for format in ["json", "csv", "table"] {
            let klein = try smallWork.run(["--db", small, "berichten", "--format", format])
            let groot = try largeWork.run(["--db", large, "berichten", "--format", format])
            try #require(klein.status == 0 && groot.status == 0, "\(format): \(klein.stderr) \(groot.stderr)")
            #expect(groot.stdout.count > 8 * klein.stdout.count, "\(format): the large answer is ten times the small one")
            let kleinPiek = try #require(klein.maxResident, "\(format): measured")
            let grootPiek = try #require(groot.maxResident, "\(format): measured")
            #expect(kleinPiek > 1024 * 1024 && grootPiek > 1024 * 1024, "\(format): a real measurement")
            #expect(
                grootPiek < kleinPiek + Self.slack,
                "\(format): \(kleinPiek / 1024) KiB for \(klein.stdout.count) bytes, \(grootPiek / 1024) KiB for \(groot.stdout.count) bytes")
        }
    }
}
