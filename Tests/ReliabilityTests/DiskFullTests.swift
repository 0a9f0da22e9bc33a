import Foundation
import TestSupport
import Testing

@Suite("Resource limits: a full disk mid-ingest fails cleanly")
struct DiskFullTests {
    /// Where the limit is hit. Small batches after a small ledger: the writer's own write to the
    /// WAL. Batches of 1,000 after a ledger of some 6 MB: first the background checkpoint, which
    /// cannot grow the file while the WAL still has room (`strace` shows its write refused), and
    /// the writer stops at its next batch; this test does not tell that stop from the WAL's own,
    /// which would come a batch or two later, only that the ledger stays whole either way.
    static let cases: [(name: String, baseClients: Int?, clients: Int, batchSize: Int)] = [
        ("the WAL", nil, 60, 50),
        ("a background checkpoint", 600, 300, 1000),
    ]

    /// `ulimit -f` caps every file zorgledger writes (ledger and WAL) at about 1 MB more than the
    /// ledger holds: a large ingest runs into it after a few batches. It must stop with one line,
    /// and the ledger must verify with every earlier event as it was; a later ingest completes it.
    @Test(.timeLimit(.minutes(1)), arguments: 0..<cases.count)
    func aFileSizeLimitStopsTheIngestWithOneLine(_ index: Int) throws {
        let (name, baseClients, clients, batchSize) = Self.cases[index]
        let work = try WorkDirectory()
        let files = try work.generate(clients: clients, months: 12, seed: 3, into: "traffic")
        if let baseClients {
            _ = try work.generate(clients: baseClients, months: 12, seed: 4, into: "base")
            #expect(try work.zorgledger(["ingest", work.path("base")]).status == 0)
        } else {
            _ = try work.zorgledger(["ingest", Fixture.folder.path])
        }
        let before = try (1...12).map { try work.zorgledger(["bericht", "\($0)", "--raw"]).stdout }
        let size = try FileManager.default.attributesOfItem(atPath: work.ledger)[.size] as? Int ?? 0
        let blocks = (size + 1_048_576) / 512  // POSIX sh counts ulimit -f in 512-byte blocks

        let full = try work.shell(
            "ulimit -f \(blocks); exec '\(Zorgledger.executable)' --db '\(work.ledger)' ingest '\(work.path("traffic"))' "
                + "--batch-size \(batchSize)")
        #expect(full.status == 1, "\(name): \(full.output)\(full.stderr)")
        #expect(full.stderrLines == ["zorgledger: \(work.ledger): the disk is full or the file-size limit was reached; "
            + "nothing of this batch was written"], "\(name): \(full.stderr)")

        let verify = try work.zorgledger(["verify"])
        #expect(verify.status == 0, "\(name): \(verify.stderr)")
        #expect(try (1...12).map { try work.zorgledger(["bericht", "\($0)", "--raw"]).stdout } == before)

        let rest = try work.zorgledger(["ingest", work.path("traffic"), "--format", "json"])
        #expect(rest.status == 0, "\(name): \(rest.stderr)")
        #expect(try CrashSafetyTests.count(rest, "appended") + CrashSafetyTests.count(rest, "duplicate") == files)
        #expect(try work.zorgledger(["verify"]).status == 0)
    }
}
