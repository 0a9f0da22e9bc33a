import Foundation
import TestSupport
import Testing

@Suite("Concurrency: readers during an ingest, and two ingests into one ledger")
struct ConcurrencyTests {
    /// `bericht` and `verify` run while an ingest commits batch after batch: each sees one
    /// consistent snapshot (the chain verifies, event 1 has its exact bytes) and the snapshots
    /// only grow.
    @Test(.timeLimit(.minutes(1))) func queriesDuringAnIngestSeeConsistentSnapshots() throws {
        let work = try WorkDirectory()
        // 1,344 messages in batches of 2: the ingest lasts about five rounds of the readers (with 40
        // clients, 636 messages, it lasted about two, and a fast ingest let one round overlap it).
        _ = try work.generate(clients: 120, months: 12, seed: 5, into: "traffic")
        let firstFile = try #require(try FileManager.default.contentsOfDirectory(atPath: work.path("traffic")).sorted().first)
        let firstBytes = try work.bytes("traffic/\(firstFile)")
        _ = try work.zorgledger(["ingest", work.path("traffic/\(firstFile)")])

        let ingest = try work.startZorgledger(["ingest", work.path("traffic"), "--batch-size", "2"])
        var seen = 0
        var overlapping = 0
        while ingest.isRunning {
            let raw = try work.zorgledger(["bericht", "1", "--raw"])
            #expect(raw.status == 0 && raw.stdout == firstBytes, "\(raw.stderr)")
            let verify = try work.zorgledger(["verify"])
            #expect(verify.status == 0, "\(verify.stderr)")
            let count = Int(verify.output.split(separator: " ").dropFirst().first ?? "") ?? -1
            #expect(count >= seen, "verify saw \(count) events after \(seen)")
            seen = count
            if ingest.isRunning { overlapping += 1 }
        }
        let done = ingest.wait()
        #expect(done.status == 0, "\(done.stderr)")
        #expect(overlapping >= 2, "the ingest finished before the readers could overlap it")
        #expect(try work.zorgledger(["verify"]).status == 0)
    }

    /// Two ingests of the same traffic into a ledger that does not exist yet: both create it, both
    /// write it. The writer lock serialises their batches; every message ends up there exactly once.
    @Test(.timeLimit(.minutes(1))) func twoIngestsAtOnceStoreEveryMessageOnce() throws {
        let work = try WorkDirectory()
        let files = try work.generate(clients: 20, months: 12, seed: 9, into: "traffic")
        let expected = try Verkeer(folder: work.path("traffic")).uniek
        for round in 1...4 {
            let ledger = work.path("round-\(round).sqlite")
            let first = try work.startZorgledger(["ingest", work.path("traffic"), "--batch-size", "3", "--format", "json"], ledger: ledger)
            let second = try work.startZorgledger(["ingest", work.path("traffic"), "--batch-size", "5", "--format", "json"], ledger: ledger)
            var appended = 0
            for exit in [first.wait(), second.wait()] {
                if exit.status == 0 {
                    appended += try CrashSafetyTests.count(exit, "appended")
                    #expect(try CrashSafetyTests.count(exit, "appended") + CrashSafetyTests.count(exit, "duplicate") == files)
                } else {
                    #expect(exit.status == 1 && exit.stderrLines.count == 1, "round \(round): \(exit.stderr)")
                    #expect(exit.stderr.contains("another process is writing"), "round \(round): \(exit.stderr)")
                }
            }
            let verify = try work.zorgledger(["verify"], ledger: ledger)
            #expect(verify.status == 0, "round \(round): \(verify.stderr)")
            #expect(verify.output.hasPrefix("ok: \(expected) events"), "round \(round): \(verify.output)")
            #expect(try work.sqlite(CrashSafetyTests.identitiesStoredTwice, on: ledger) == "0")
            #expect(appended <= expected)
        }
    }
}
