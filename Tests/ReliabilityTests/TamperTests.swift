import Foundation
import TestSupport
import Testing

@Suite("Tamper evidence through the CLI: sqlite3 behind zorgledger's back, verify exits 3")
struct TamperTests {
    /// What an attacker with the sqlite3 shell does first: the triggers would refuse the rest.
    static let dropTriggers = ["events", "event_sources", "event_bsn", "event_toewijzing", "dictionaries"].map {
        "DROP TRIGGER \($0)_no_update; DROP TRIGGER \($0)_no_delete; "
    }.joined()

    static let columns = """
        kind, recorded_at, source, standaard, release, bericht_code, berichttype, afzender, ontvanger, identificatie,
        dagtekening, identificatie_retour, heen_code, heen_afzender, heen_identificatie, conflict_of, dictionary_id,
        raw_size, payload, content_hash, chain_hash
        """

    /// A ledger of the fourteen fixtures, intact.
    private func ledger() throws -> WorkDirectory {
        let work = try WorkDirectory()
        _ = try work.zorgledger(["ingest", Fixture.folder.path])
        let verify = try work.zorgledger(["verify"])
        #expect(verify.status == 0 && verify.output.hasPrefix("ok: 14 events"), "\(verify.output)\(verify.stderr)")
        return work
    }

    private func expectDetected(_ work: WorkDirectory, at position: Int, _ sql: String) throws {
        try work.sqlite(Self.dropTriggers + sql)
        let verify = try work.zorgledger(["verify"])
        #expect(verify.status == 3, "\(verify.stderr)")
        #expect(verify.stderr.hasSuffix("first bad position \(position)\n"), "\(verify.stderr)")
    }

    @Test func aChangedPayloadByte() throws {
        try expectDetected(try ledger(), at: 7, """
            UPDATE events SET payload = CAST(substr(payload, 1, 20) || X'5A' || substr(payload, 22) AS BLOB)
            WHERE position = 7;
            """)
    }

    @Test func aChangedMetadataColumn() throws {
        try expectDetected(try ledger(), at: 4, "UPDATE events SET ontvanger = '99999999' WHERE position = 4;")
    }

    /// The file an event came from, kept apart from it (format 7), changed or removed.
    @Test func aChangedOrRemovedSource() throws {
        try expectDetected(try ledger(), at: 8, "UPDATE event_sources SET source = 'elders.xml' WHERE position = 8;")
        try expectDetected(try ledger(), at: 2, "DELETE FROM event_sources WHERE position = 2;")
    }

    /// A value kept in its stored form (a day as a number, a code as its place in a list) is
    /// read back as its text, so a changed number is a changed text to the chain.
    @Test func aChangedValueInItsStoredForm() throws {
        try expectDetected(try ledger(), at: 6, "UPDATE events SET dagtekening = dagtekening + 1 WHERE position = 6;")
        try expectDetected(try ledger(), at: 3, "UPDATE events SET berichttype = 9 WHERE position = 3;")
    }

    @Test func aDeletedEvent() throws {
        try expectDetected(try ledger(), at: 5, "DELETE FROM event_bsn WHERE position = 5; DELETE FROM events WHERE position = 5;")
    }

    @Test func anEventInsertedInTheMiddle() throws {
        // Make room after position 6 and put a copy of event 2 there, as a forger would.
        let shift = (7...14).reversed().map { "UPDATE events SET position = \($0 + 1) WHERE position = \($0);" }.joined()
        try expectDetected(try ledger(), at: 7, shift + """
            INSERT INTO events (position, \(Self.columns)) SELECT 7, \(Self.columns) FROM events WHERE position = 2;
            """)
    }

    @Test func anEventAppendedAtTheEnd() throws {
        try expectDetected(try ledger(), at: 15, """
            INSERT INTO events (position, \(Self.columns)) SELECT 15, \(Self.columns) FROM events WHERE position = 3;
            """)
    }

    @Test func twoEventsSwapped() throws {
        try expectDetected(try ledger(), at: 4, """
            UPDATE events SET position = -4 WHERE position = 4;
            UPDATE events SET position = 4 WHERE position = 9;
            UPDATE events SET position = 9 WHERE position = -4;
            """)
    }
}
