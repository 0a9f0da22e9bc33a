import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

@Suite("Checkpoints while a writer appends")
struct CheckpointTests {
    /// A writer's committed batches reach the database file while it is still open (a copy of
    /// the file alone, without its `-wal`, holds some of them), not only when it closes; and once
    /// it is closed the `-wal` is gone: the writer's connection, closed last, copied the rest.
    @Test func committedBatchesReachTheFileWhileTheWriterIsOpen() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        do {
            let ledger = try Ledger(path: path, access: .createIfMissing)
            // Some 8 MB of WAL (4 MB per 5,000 of these events): twice the checkpointer's step of
            // 256 pages, and far below the writer's own checkpoint at 32,768 pages (512 MiB), so
            // only the checkpointer copies pages into the file while the ledger is open.
            for batch in 0..<20 { _ = try ledger.append(Examples.toewijzingen(500, from: batch * 500)) }
            let head = try Self.headOfFileAlone(path, in: directory, within: 20)
            #expect(head > 0 && head % 500 == 0, "\(head)")
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Ledger(path: path, access: .read).headPosition() == 10_000)
    }

    /// The head of a copy of the database file without its `-wal`, once it holds any event and
    /// verifies (the checkpointer works on its own thread), or 0 after `seconds`.
    static func headOfFileAlone(_ path: String, in directory: WorkDirectory, within seconds: Double) throws -> Int64 {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let copy = directory.path("copy-\(UUID().uuidString).sqlite")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            // A copy taken while a checkpoint writes pages may be torn (some pages of a batch, not
            // all): it does not verify, and is simply taken again.
            if let ledger = try? Ledger(path: copy, access: .read), let head = try? ledger.headPosition(), head > 0,
                (try? ledger.verify().isIntact) == true
            {
                return head
            }
            usleep(20_000)
        } while Date() < deadline
        return 0
    }
}
