import Foundation
import TestSupport
import Testing

@Suite("Resource limits: a full disk mid-ingest fails cleanly")
struct DiskFullTests {
    /// `ulimit -f` caps every file zorgledger writes (ledger and WAL) at about 1 MB more than the
    /// ledger holds: a large ingest runs into it after a few batches. It must stop with one line,
    /// and the ledger must verify with every earlier event as it was; a later ingest completes it.
    @Test(.timeLimit(.minutes(1))) func aFileSizeLimitStopsTheIngestWithOneLine() throws {
        let work = try WorkDirectory()
        let files = try work.generate(clients: 60, months: 12, seed: 3, into: "traffic")
        _ = try work.zorgledger(["ingest", Fixture.folder.path])
        let before = try (1...12).map { try work.zorgledger(["bericht", "\($0)", "--raw"]).stdout }
        let size = try FileManager.default.attributesOfItem(atPath: work.ledger)[.size] as? Int ?? 0
        let blocks = (size + 1_048_576) / 512  // POSIX sh counts ulimit -f in 512-byte blocks

        let full = try work.shell(
            "ulimit -f \(blocks); exec '\(Zorgledger.executable)' --db '\(work.ledger)' ingest '\(work.path("traffic"))' --batch-size 50")
        #expect(full.status == 1, "\(full.output)\(full.stderr)")
        #expect(full.stderrLines == ["zorgledger: \(work.ledger): the disk is full or the file-size limit was reached; "
            + "nothing of this batch was written"], "\(full.stderr)")

        let verify = try work.zorgledger(["verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try (1...12).map { try work.zorgledger(["bericht", "\($0)", "--raw"]).stdout } == before)

        let rest = try work.zorgledger(["ingest", work.path("traffic"), "--format", "json"])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(try CrashSafetyTests.count(rest, "appended") + CrashSafetyTests.count(rest, "duplicate") == files)
        #expect(try work.zorgledger(["verify"]).status == 0)
    }
}
