import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

@Suite("Tamper evidence: verify finds what was changed behind zorgledger's back")
struct VerifyTests {
    /// A ledger of twelve 301s in two batches, the second compressed with a dictionary.
    private func ledger(in directory: WorkDirectory) throws -> String {
        let path = directory.path("l.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing)
        _ = try ledger.append(try Examples.toewijzingen(6))
        _ = try ledger.append(try Examples.toewijzingen(6, from: 6))
        #expect(try ledger.store.dictionaries().count == 1)
        #expect(try ledger.verify().isIntact)
        return path
    }

    /// The first problem that names a position (dropped triggers are reported without one).
    private func firstProblem(_ path: String) throws -> VerificationReport.Problem? {
        try Ledger(path: path, access: .read).verify().problems.first { $0.position != nil }
    }

    private static let dropTriggers = ["events", "event_bsn", "event_toewijzing", "dictionaries"].map {
        "DROP TRIGGER \($0)_no_update; DROP TRIGGER \($0)_no_delete;"
    }.joined()

    @Test func updateAndDeleteAreRefused() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        for sql in ["UPDATE events SET source = 'x' WHERE position = 2", "DELETE FROM events WHERE position = 6",
                    "DELETE FROM event_bsn", "UPDATE dictionaries SET versie = 2"] {
            #expect(throws: RawSQL.Failure.self, "\(sql)") { try RawSQL(path).run(sql) }
        }
        #expect(try Ledger(path: path, access: .read).verify().isIntact)
    }

    @Test func aFlippedPayloadByteIsFound() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        try RawSQL(path).run(Self.dropTriggers + """
            UPDATE events SET payload = CAST(substr(payload, 1, 40) || X'00' || substr(payload, 42) AS BLOB) WHERE position = 4;
            """)
        let problem = try firstProblem(path)
        #expect(problem?.position == 4)
    }

    @Test func aChangedMetadataColumnIsFound() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        try RawSQL(path).run(Self.dropTriggers + "UPDATE event_bsn SET bsn = '111222333' WHERE position = 3;")
        #expect(try firstProblem(path) == .init(
            position: 3, reason: "the hash chain breaks: the event, its metadata or its order was changed"))
    }

    @Test func aDeletedRowIsFound() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        try RawSQL(path).run(Self.dropTriggers + "DELETE FROM events WHERE position = 2;")
        let problems = try Ledger(path: path, access: .read).verify().problems.filter { $0.position != nil }
        #expect(problems.first == .init(position: 2, reason: "event 2 is missing"))
    }

    @Test func aRemovedTailIsFound() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        try RawSQL(path).run(
            Self.dropTriggers + "DELETE FROM event_bsn WHERE position = 12; DELETE FROM events WHERE position = 12;")
        let report = try Ledger(path: path, access: .read).verify()
        #expect(report.problems.filter { $0.position != nil } == [
            .init(position: 12, reason: "the log ends at 11 but recorded 12 events: events were removed")
        ])
    }

    @Test func aSwappedPairIsFound() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        // Sixteen events, so that the tree stores a node over the swapped pair (levels 4 and up).
        _ = try Ledger(path: path, access: .write).append(try Examples.toewijzingen(4, from: 12))
        try RawSQL(path).run(Self.dropTriggers + """
            UPDATE events SET position = -1 WHERE position = 3;
            UPDATE events SET position = 3 WHERE position = 5;
            UPDATE events SET position = 5 WHERE position = -1;
            """)
        let problems = try Ledger(path: path, access: .read).verify().problems.filter { $0.position != nil }
        // The chain breaks at 3 to 6; the Merkle tree, rebuilt from the messages in their new order,
        // no longer matches the node stored over them, completed at 16.
        #expect(problems.map(\.position) == [3, 4, 5, 6, 16])
        #expect(problems.contains { $0.position == 16 && $0.reason.hasPrefix("the Merkle tree does not match the log") })
    }

    @Test func droppedTriggersAreReported() throws {
        let directory = try WorkDirectory()
        let path = try ledger(in: directory)
        try RawSQL(path).run("DROP TRIGGER events_no_update;")
        #expect(try Ledger(path: path, access: .read).verify().problems == [
            .init(position: nil, reason: "the immutability trigger events_no_update was removed")
        ])
    }
}
