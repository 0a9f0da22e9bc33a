import Foundation
import TestSupport
import Testing

@Suite("A kill at any moment leaves a ledger that opens and verifies")
struct CrashTests {
    @Test func killedIngestsLeaveWholeBatchesAndRerunsComplete() throws {
        let work = try WorkDirectory()
        let generated = try work.run(
            ["generate", "--clients", "150", "--months", "12", "--seed", "11", "--out", "traffic"])
        #expect(generated.status == 0)
        let verkeer = try Verkeer(folder: work.path("traffic"))
        #expect(verkeer.bestanden.count > 1000)
        let heleBatches = verkeer.naHeleBatches(van: 50)

        // Small batches, so that kills land before, inside and between many commits. After each kill
        // the ledger holds exactly the messages of some number of whole batches.
        var verified = 0
        for delay in [0.05, 0.2, 0.35, 0.5, 0.7, 0.9, 1.2, 1.5] {
            let ingest = try work.start(["ingest", "traffic", "--batch-size", "50"])
            Thread.sleep(forTimeInterval: delay)
            ingest.kill()
            _ = ingest.wait()
            guard FileManager.default.fileExists(atPath: work.path("zorgledger.sqlite")) else { continue }
            let verify = try work.run(["verify"])
            #expect(verify.status == 0, "after a kill at \(delay) s: \(verify.stderr)")
            let events = try #require(Int(verify.output.split(separator: " ").dropFirst().first ?? ""), "\(verify.output)")
            #expect(heleBatches.contains(events), "after a kill at \(delay) s: \(events) events is no whole number of batches")
            verified += 1
        }
        #expect(verified >= 4)
        let rerun = try work.run(["ingest", "traffic", "--format", "json"])
        #expect(rerun.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(rerun.stdout)) as? [String: Any]
        let appended = try #require(report?["appended"] as? Int)
        let duplicates = try #require(report?["duplicate"] as? Int)
        #expect(appended + duplicates == verkeer.bestanden.count)
        let verify = try work.run(["verify"])
        #expect(verify.status == 0)
        // Every distinct message is in the log exactly once.
        #expect(verify.output.hasPrefix("ok: \(verkeer.uniek) events"), "\(verify.output)")
    }
}
