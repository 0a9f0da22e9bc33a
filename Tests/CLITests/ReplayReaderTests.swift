import Foundation
import TestSupport
import Testing

/// `replay` rebuilds the projections in one write transaction: a reader that runs meanwhile still gets the
/// complete old answer, neither an empty table nor an error.
@Suite("readers during replay")
struct ReplayReaderTests {
    /// Whether some process holds the ledger's write lock: `BEGIN IMMEDIATE` without waiting fails.
    /// Nothing but the replay writes here, so a held lock means its transaction is open.
    static func writeLockHeld(_ work: WorkDirectory) throws -> Bool {
        let probe = try Child("/usr/bin/sqlite3", [work.ledger, "BEGIN IMMEDIATE; ROLLBACK;"], in: work).wait()
        return probe.status != 0 && probe.stderr.contains("locked")
    }

    @Test func aReaderDuringReplaySeesTheOldTables() throws {
        let work = try WorkDirectory()
        let generate = try work.run(["generate", "--clients", "400", "--months", "12", "--seed", "11", "--out", "traffic"])
        try #require(generate.status == 0, "\(generate.stderr)")
        // The generator re-delivers some files byte for byte; the log keeps one message per distinct content.
        let folder = work.url.appendingPathComponent("traffic")
        let inhoud = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).map {
            try Data(contentsOf: folder.appendingPathComponent($0))
        })
        try #require(inhoud.count > 3000)
        try #require(try work.run(["--db", work.ledger, "ingest", "traffic"]).status == 0)
        let lezer = ["--db", work.ledger, "berichten", "--format", "json"]
        let voor = try work.run(lezer)
        try #require(try JSONValue.parse(voor.output).rows?.count == inhoud.count)

        // A replay is short; until one attempt lets the reader run wholly inside it, start another.
        var overlapt = 0
        for _ in 0..<5 where overlapt == 0 {
            let replay = try work.start(["--db", work.ledger, "replay"])
            while replay.isRunning, try !Self.writeLockHeld(work) { usleep(1_000) }
            let tijdens = try work.run(lezer)
            let nogOpen = try replay.isRunning && Self.writeLockHeld(work)
            let einde = replay.wait()
            #expect(einde.status == 0, "\(einde.stderr)")
            guard nogOpen else { continue }
            // The lock was held before the reader started and after it ended: it read during the replay.
            overlapt += 1
            #expect(tijdens.status == 0 && tijdens.stderr.isEmpty, "\(tijdens.stderr)")
            #expect(tijdens.output == voor.output, "the reader saw something else than the old tables")
        }
        #expect(overlapt == 1, "no reader ran inside a replay in 5 attempts")
        #expect(try work.run(lezer).output == voor.output)
    }
}
