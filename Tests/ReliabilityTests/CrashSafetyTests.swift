import Foundation
import TestSupport
import Testing

@Suite("Crash safety: kill -9 at many moments, and the ledger still opens, verifies and completes")
struct CrashSafetyTests {
    /// At least 50 kills of `ingest` at seeded random moments, in small and varying batches, each
    /// followed by `verify`. A run that finishes before its kill moment starts a fresh ledger, so
    /// kills keep landing in the middle of work; a kill before the ledger file exists is not counted.
    /// Afterwards every ledger is completed by a re-run and must hold every distinct message of the
    /// traffic (counted from the files): none lost, none twice.
    @Test(.timeLimit(.minutes(2))) func fiftyKillsLeaveVerifiableLedgersThatReRunsComplete() throws {
        let work = try WorkDirectory()
        let files = try work.generate(clients: 30, months: 12, seed: 21, into: "traffic")
        let expected = try Verkeer(folder: work.path("traffic")).uniek

        var random = SplitMix64(seed: 0x5EED_0008)
        var ledgers = [work.path("crash-0.sqlite")]
        var kills = 0
        var attempts = 0
        while kills < 55 && attempts < 200 {
            attempts += 1
            let batch = Int.random(in: 1...8, using: &random)
            let ingest = try work.startZorgledger(
                ["ingest", work.path("traffic"), "--batch-size", "\(batch)"], ledger: ledgers.last)
            usleep(UInt32.random(in: 2_000...250_000, using: &random))
            guard ingest.isRunning else {
                let finished = ingest.wait()
                #expect(finished.status == 0, "\(finished.stderr)")
                ledgers.append(work.path("crash-\(ledgers.count).sqlite"))
                continue
            }
            ingest.kill()
            _ = ingest.wait()
            guard FileManager.default.fileExists(atPath: ledgers.last!) else { continue }
            kills += 1
            let verify = try work.zorgledger(["verify"], ledger: ledgers.last)
            #expect(verify.status == 0, "kill \(kills) (batch \(batch)): \(verify.stderr)")
        }
        #expect(kills >= 50, "only \(kills) of \(attempts) runs were still running at their kill moment")

        for ledger in ledgers where FileManager.default.fileExists(atPath: ledger) {
            let rerun = try work.zorgledger(["ingest", work.path("traffic"), "--format", "json"], ledger: ledger)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try Self.count(rerun, "appended") + Self.count(rerun, "duplicate") == files)
            let verify = try work.zorgledger(["verify"], ledger: ledger)
            #expect(verify.status == 0, "\(verify.stderr)")
            #expect(verify.output.hasPrefix("ok: \(expected) events"), "\(verify.output)")
            #expect(try work.sqlite(CrashSafetyTests.identitiesStoredTwice, on: ledger) == "0")
        }
    }

    /// The messages stored more than once: the traffic holds no two messages with one identity.
    static let identitiesStoredTwice = """
        SELECT count(*) - count(DISTINCT bericht_code || ' ' || afzender || ' ' || identificatie
            || ' ' || coalesce(identificatie_retour, '')) FROM events
        """

    static func count(_ exit: Child.Exit, _ key: String) throws -> Int {
        let report = try JSONSerialization.jsonObject(with: Data(exit.stdout)) as? [String: Any]
        return try #require(report?[key] as? Int, "\(exit.output)")
    }
}
