import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

/// A ledger written before the metadata was described once (`Tests/Fixtures/ledger-format-1`, see
/// its README) opens, reads and verifies with this version, hash chain and head included, and
/// takes new events; a new ledger has the same tables, columns and indexes.
@Suite("Ledgers written by earlier versions")
struct FormatCompatibilityTests {
    static let fixture = Zorgledger.package.appendingPathComponent("Tests/Fixtures/ledger-format-1/zorgledger.sqlite").path
    /// What `zorgledger verify` of the version that wrote the fixture printed.
    static let head = "6688c2adb266dd5030f90f9630a3b00ca0faea27369c4ce38fb952f9f8dcfec1"

    private func copy(in directory: WorkDirectory) throws -> String {
        let path = directory.path("old.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        return path
    }

    @Test func anOldLedgerVerifiesWithTheSameHead() throws {
        let directory = try WorkDirectory()
        let report = try Ledger(path: try copy(in: directory), access: .read).verify()
        #expect(report.problems == [])
        #expect(report.eventCount == 37)
        #expect(report.headHash.description == Self.head)
    }

    @Test func anOldLedgerReadsBackItsMetadata() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: try copy(in: directory), access: .read)
        var events: [StoredEvent] = []
        try ledger.forEachEvent { events.append($0) }
        #expect(events.count == 37)
        #expect(events.last?.chainHash.description == Self.head)
        let berichten = events.filter { $0.kind == .bericht }
        #expect(berichten.count == 35)
        #expect(berichten.count { $0.metadata.standaard == "iJw" } == 25)
        #expect(berichten.count { $0.metadata.standaard == "iWmo" } == 10)
        #expect(berichten.allSatisfy { $0.metadata.release == "3.2" })
        #expect(berichten.allSatisfy { $0.metadata.identiteit != nil && $0.metadata.dagtekening != nil })
        #expect(berichten.reduce(0) { $0 + $1.metadata.bsns.count } == 16)
        #expect(berichten.reduce(0) { $0 + $1.metadata.toewijzingen.count } == 13)
        #expect(berichten.count { $0.metadata.heenbericht != nil } == 17)
        // Each message's stored facts agree with its own bytes.
        for event in berichten {
            let text = String(decoding: event.payload, as: UTF8.self)
            #expect(text.contains("Identificatie>\(event.metadata.identificatie ?? "?")<"))
            for bsn in event.metadata.bsns { #expect(text.contains(">\(bsn)<")) }
            for toewijzing in event.metadata.toewijzingen { #expect(text.contains(">\(toewijzing.nummer)<")) }
        }
        // The 35th is the conflict of the 2nd: same identity, another Dagtekening.
        let conflict = events[34]
        #expect(conflict.conflictOf == 2)
        #expect(conflict.metadata.identiteit == events[1].metadata.identiteit)
        #expect(conflict.metadata.dagtekening != events[1].metadata.dagtekening)
        #expect(try ledger.store.positions(of: try #require(conflict.metadata.identiteit)) == [2, 35])
        #expect(events[35].kind == .contract && events[36].kind == .regelset)
        #expect(events[35].metadata == EventMetadata() && events[35].source == "tarieven.csv")
    }

    @Test func anOldLedgerTakesNewEventsAndStaysIntact() throws {
        let directory = try WorkDirectory()
        let path = try copy(in: directory)
        let ledger = try Ledger(path: path, access: .write)
        let old = try ledger.event(at: 2)
        // A re-delivery is still recognised as a duplicate of the old event, a changed one as a conflict.
        var changed = NewEvent(kind: .bericht, payload: old.payload + Array("\n".utf8), metadata: old.metadata, source: nil)
        #expect(try ledger.append([NewEvent(kind: .bericht, payload: old.payload, metadata: old.metadata, source: nil)])
            == [.duplicate(of: 2)])
        #expect(try ledger.append([changed]) == [.conflict(position: 38, earlier: 2)])
        changed.metadata.bsns = ["999990019"]
        changed.metadata.identificatie = "NIEUW"
        #expect(try ledger.append([changed]) == [.appended(39)])
        #expect(try ledger.store.positions(bsn: "999990019") == [39])
        let report = try Ledger(path: path, access: .read).verify()
        #expect(report.isIntact && report.eventCount == 39)
    }

    /// Upgraded to format 3, the old ledger keeps its head and takes events with the delivery
    /// columns set, which the chain then covers.
    @Test func anUpgradedOldLedgerTakesEventsWithTheirDelivery() throws {
        let directory = try WorkDirectory()
        let path = try copy(in: directory)
        let ledger = try Ledger(path: path, access: .write)
        #expect(try ledger.verify().headHash.description == Self.head)
        var event = try ledger.event(at: 2)
        #expect(event.metadata.transport == nil && event.metadata.envelop == nil)
        event.metadata.identificatie = "GEKOPPELD"
        event.metadata.transport = "vecozo"
        event.metadata.transportId = "e1efb57c-9e95-478f-976a-3a80cf797129"
        event.metadata.ontvangen = "2026-03-02T09:15:00+01:00"
        event.metadata.envelop = Array("{\"basisgegevens\": {}}".utf8)
        #expect(try ledger.append([NewEvent(kind: .bericht, payload: event.payload, metadata: event.metadata, source: nil)])
            == [.appended(38)])
        let read = try Ledger(path: path, access: .read)
        let stored = try read.event(at: 38)
        #expect(stored.metadata == event.metadata)
        #expect(stored.metadata.envelop == Array("{\"basisgegevens\": {}}".utf8))
        let report = try read.verify()
        #expect(report.isIntact && report.eventCount == 38)
    }

    /// Once opened for writing, the old ledger is upgraded to format 4 (its Merkle tree and the delivery columns added) and
    /// then has exactly the tables, columns, indexes and triggers of a new one.
    @Test func anUpgradedOldLedgerHasTheTablesColumnsAndIndexesOfANewOne() throws {
        let directory = try WorkDirectory()
        let old = try copy(in: directory)
        #expect(try SQLiteStore(path: old, access: .write).formatVersion == 4)
        let new = directory.path("new.sqlite")
        _ = try SQLiteStore(path: new, access: .createIfMissing)
        // The old ledger's tree goes on holding every level; a new one's starts at level 4.
        let floor = "SELECT CAST(value AS INTEGER) FROM ledger_info WHERE key = 'merkle_floor'"
        #expect(try RawSQL(old).integers(floor) == [0])
        #expect(try RawSQL(new).integers(floor) == [4])
        let schema = """
            SELECT m.type, m.name, m.tbl_name, c.name, c.type, c."notnull", c.pk FROM sqlite_master m
            LEFT JOIN pragma_table_info(m.name) c ON m.type = 'table'
            WHERE m.name NOT LIKE 'sqlite_%' ORDER BY m.type, m.name, c.cid
            """
        let indexes = """
            SELECT m.name, i.seqno, i.name, m.sql LIKE '%WHERE heen_code IS NOT NULL' FROM sqlite_master m
            JOIN pragma_index_info(m.name) i WHERE m.type = 'index' ORDER BY m.name, i.seqno
            """
        let triggers = "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        for sql in [schema, indexes, triggers] {
            #expect(try EventDescriptionTests.query(new, sql) == EventDescriptionTests.query(old, sql))
        }
    }
}
