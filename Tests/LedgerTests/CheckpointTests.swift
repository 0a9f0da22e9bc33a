import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

@Suite("Checkpoints while a writer appends")
struct CheckpointTests {
    /// A writer's committed batches reach the database file while it is still open (a copy of
    /// the file alone, without its `-wal`, holds them all), not only when it closes; and once it
    /// is closed the `-wal` is gone: the writer's connection, closed last, copied the rest.
    @Test func committedBatchesReachTheFileWhileTheWriterIsOpen() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        do {
            let ledger = try Ledger(path: path, access: .createIfMissing)
            for batch in 0..<4 { _ = try ledger.append(Examples.toewijzingen(50, from: batch * 50)) }
            // Far below the writer's own checkpoint at 32,768 pages: only the checkpointer copies.
            #expect(try Self.headOfFileAlone(path, in: directory, reaching: 200, within: 20) == 200)
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Ledger(path: path, access: .read).headPosition() == 200)
    }

    /// The head of a copy of the database file without its `-wal`, once it holds `expected`
    /// events (the checkpointer works on its own thread), or the last head seen after `seconds`.
    static func headOfFileAlone(
        _ path: String, in directory: WorkDirectory, reaching expected: Int64, within seconds: Double
    ) throws -> Int64 {
        let deadline = Date().addingTimeInterval(seconds)
        var head: Int64 = 0
        repeat {
            let copy = directory.path("copy-\(UUID().uuidString).sqlite")
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            // A copy taken while a checkpoint writes may be torn: it is simply taken again.
            head = (try? Ledger(path: copy, access: .read).headPosition()) ?? 0
            if head == expected { return head }
            usleep(20_000)
        } while Date() < deadline
        return head
    }
}
