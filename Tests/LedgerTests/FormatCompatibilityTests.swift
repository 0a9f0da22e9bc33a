import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

/// A ledger written before the metadata was described once (`Tests/Fixtures/ledger-format-1`, see
/// its README) opens, reads and verifies with this version, hash chain and head included, and
/// takes new events; a new ledger has the same tables, columns and indexes.
/// A copy of the ledger file `fixture` in `directory`, as `old.sqlite`: tests write to it.
func copyOf(_ fixture: String, in directory: WorkDirectory) throws -> String {
    let path = directory.path("old.sqlite")
    try FileManager.default.copyItem(atPath: fixture, toPath: path)
    return path
}

@Suite("Ledgers written by earlier versions")
struct FormatCompatibilityTests {
    static let fixture = Zorgledger.package.appendingPathComponent("Tests/Fixtures/ledger-format-1/zorgledger.sqlite").path
    /// What `zorgledger verify` of the version that wrote the fixture printed.
    static let head = "6688c2adb266dd5030f90f9630a3b00ca0faea27369c4ce38fb952f9f8dcfec1"

    private func copy(in directory: WorkDirectory) throws -> String { try copyOf(Self.fixture, in: directory) }

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
    /// then has exactly the tables, columns, indexes and triggers of a new one, but for the type of
    /// the columns a new ledger keeps in their stored form (format 5: ANY instead of TEXT) and the
    /// content hash a new one leaves out (format 6: NULL allowed).
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
        let formed = StoredFormLedgerTests.formedColumns.map { "'\($0)'" }.joined(separator: ", ")
        let schema = """
            SELECT m.type, m.name, m.tbl_name, c.name,
                CASE WHEN m.name = 'events' AND c.name IN (\(formed)) OR c.name IN ('bsn', 'gemeente') THEN 'stored form'
                    ELSE c.type END,
                CASE WHEN m.name = 'events' AND c.name = 'content_hash' THEN 'by format' ELSE c."notnull" END, c.pk
            FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) c ON m.type = 'table'
            WHERE m.name NOT LIKE 'sqlite_%' AND m.tbl_name != 'event_sources' ORDER BY m.type, m.name, c.cid
            """
        let formedTypes = "SELECT type FROM pragma_table_info('events') WHERE name IN (\(formed)) ORDER BY name"
        #expect(try EventDescriptionTests.query(old, formedTypes).flatMap { $0 } == Array(repeating: "TEXT", count: 10))
        #expect(try EventDescriptionTests.query(new, formedTypes).flatMap { $0 } == Array(repeating: "ANY", count: 10))
        // The keys of the index tables are kept in their stored form from format 8 on.
        let keyTypes = """
            SELECT type FROM pragma_table_info('event_bsn') WHERE name = 'bsn'
            UNION ALL SELECT type FROM pragma_table_info('event_toewijzing') WHERE name = 'gemeente'
            """
        #expect(try EventDescriptionTests.query(old, keyTypes).flatMap { $0 } == ["TEXT", "TEXT"])
        #expect(try EventDescriptionTests.query(new, keyTypes).flatMap { $0 } == ["ANY", "ANY"])
        let hashKept = "SELECT \"notnull\" FROM pragma_table_info('events') WHERE name = 'content_hash'"
        #expect(try RawSQL(old).integers(hashKept) == [1] && RawSQL(new).integers(hashKept) == [0])
        let indexes = """
            SELECT m.name, i.seqno, i.name, m.sql LIKE '% WHERE %' FROM sqlite_master m
            JOIN pragma_index_info(m.name) i WHERE m.type = 'index' ORDER BY m.name, i.seqno
            """
        let triggers = """
            SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND tbl_name != 'event_sources' ORDER BY name
            """
        for sql in [schema, indexes, triggers] {
            #expect(try EventDescriptionTests.query(new, sql) == EventDescriptionTests.query(old, sql))
        }
        // An older ledger keeps the index of every answer's heenbericht; a new one only of those
        // that name it apart from their own identity (format 7, see `positions(answering:)`).
        let heen = "SELECT substr(sql, instr(sql, 'WHERE')) FROM sqlite_master WHERE name = 'events_heenbericht'"
        #expect(try EventDescriptionTests.query(old, heen).flatMap { $0 } == ["WHERE heen_code IS NOT NULL"])
        #expect(try EventDescriptionTests.query(new, heen).flatMap { $0 } == ["WHERE heen_identificatie IS NOT NULL"])
        // The sources: a new ledger keeps them apart (format 7), in an old one the same name is a view of `events`.
        let sources = "SELECT type FROM sqlite_master WHERE tbl_name = 'event_sources' ORDER BY type, name"
        #expect(try EventDescriptionTests.query(old, sources).flatMap { $0 } == ["view"])
        #expect(try EventDescriptionTests.query(new, sources).flatMap { $0 } == ["table", "trigger", "trigger"])
        let named = "SELECT count(*) FROM event_sources WHERE source IS NOT NULL"
        #expect(try RawSQL(old).integers(named) == RawSQL(old).integers("SELECT count(*) FROM events WHERE source IS NOT NULL"))
    }
}

/// A ledger of format 4 (`Tests/Fixtures/ledger-format-4`, see its README) keeps every value of
/// `events` as text; from format 5 on days, moments and codes are kept as integers where they give
/// back exactly the same text. Both forms hold the same events with the same hash chain.
@Suite("Ledgers of format 4 and the stored form of format 5")
struct StoredFormLedgerTests {
    static let fixture = Zorgledger.package.appendingPathComponent("Tests/Fixtures/ledger-format-4/zorgledger.sqlite").path
    /// What `zorgledger verify` of the version that wrote the fixture printed.
    static let head = "ebdd465edd0b9948d2c61691b624125f94e31a61531d0f142a8e7961511710aa"
    /// The columns of `events` with a stored form that every message sets: TEXT in format 4, ANY
    /// in the current format (the codes of digits from format 7 on).
    static let formed = [
        "afzender", "berichttype", "dagtekening", "kind", "ontvanger", "recorded_at", "release", "standaard", "transport",
    ]
    /// Those and the one only a retour sets.
    static let formedColumns = (formed + ["heen_afzender"]).sorted()

    private func copy(in directory: WorkDirectory) throws -> String { try copyOf(Self.fixture, in: directory) }

    private func types(_ path: String, at position: Int) throws -> [String] {
        try EventDescriptionTests.query(
            path, "SELECT " + Self.formed.map { "typeof(\($0))" }.joined(separator: ", ") + " FROM events WHERE position = \(position)"
        ).first ?? []
    }

    private func formatVersion(_ path: String) throws -> [Int64] {
        try RawSQL(path).integers("SELECT CAST(value AS INTEGER) FROM ledger_info WHERE key = 'format_version'")
    }

    @Test func aFormat4LedgerStaysOneAndTakesEventsAsText() throws {
        let directory = try WorkDirectory()
        let path = try copy(in: directory)
        let ledger = try Ledger(path: path, access: .write)
        #expect(try ledger.verify().headHash.description == Self.head)
        var changed = try ledger.event(at: 2)
        changed.metadata.identificatie = "NIEUW"
        #expect(try ledger.append([NewEvent(kind: .bericht, payload: changed.payload, metadata: changed.metadata, source: "n.xml")])
            == [.appended(38)])
        #expect(try formatVersion(path) == [4])
        #expect(try types(path, at: 38) == Array(repeating: "text", count: Self.formed.count))
        let read = try Ledger(path: path, access: .read)
        #expect(try read.event(at: 38).metadata == changed.metadata)
        let report = try read.verify()
        #expect(report.isIntact && report.eventCount == 38)
    }

    /// Every event of the format-4 ledger appended to a new one at the moment it was first
    /// recorded: the new ledger keeps the values as integers, reads back the same metadata, and
    /// has the same chain link at every position, so the stored form changes no byte the chain covers.
    @Test func aCopyInTheCurrentFormatHasTheSameChainAndMetadata() throws {
        let directory = try WorkDirectory()
        let old = try Ledger(path: try copy(in: directory), access: .read)
        var events: [StoredEvent] = []
        try old.forEachEvent { events.append($0) }
        let path = directory.path("new.sqlite")
        let new = try Ledger(path: path, access: .createIfMissing)
        let outcomes = try new.append(
            events.map { NewEvent(kind: $0.kind, payload: $0.payload, metadata: $0.metadata, source: $0.source, recordedAt: $0.recordedAt) })
        #expect(outcomes.count == 37 && outcomes[34] == .conflict(position: 35, earlier: 2))
        #expect(try formatVersion(path) == [8])
        #expect(try types(path, at: 1) == Array(repeating: "integer", count: Self.formed.count))
        // From format 8 a BSN of the index table is kept as a number too.
        #expect(try RawSQL(path).integers("SELECT count(*) FROM event_bsn WHERE typeof(bsn) != 'integer'") == [0])
        #expect(try RawSQL(path).integers("SELECT count(*) FROM event_bsn") != [0])
        // A contract has no header: its metadata columns are NULL, its kind and moment integers.
        #expect(try types(path, at: 36) == ["null", "null", "null", "integer", "null", "integer", "null", "null", "null"])
        var copied: [StoredEvent] = []
        try Ledger(path: path, access: .read).forEachEvent { copied.append($0) }
        #expect(copied.map(\.chainHash) == events.map(\.chainHash))
        #expect(copied.map(\.metadata) == events.map(\.metadata))
        #expect(copied.map(\.recordedAt) == events.map(\.recordedAt) && copied.map(\.kind) == events.map(\.kind))
        let report = try Ledger(path: path, access: .read).verify()
        #expect(report.isIntact && report.headHash.description == Self.head)
    }

    /// A value its form cannot give back exactly is kept as text; lookups by metadata, identity
    /// and compression family find events in either form.
    @Test func aValueWithoutItsStoredFormIsKeptAsText() throws {
        let directory = try WorkDirectory()
        let old = try Ledger(path: try copy(in: directory), access: .read)
        let model = try old.event(at: 2)
        let path = directory.path("new.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing)
        var odd = model.metadata
        odd.dagtekening = "2025-02-30"
        odd.standaard = "iXw"
        odd.identificatie = "ANDERS"
        odd.afzender = "G" + (model.metadata.afzender ?? "")
        let events = [
            NewEvent(kind: .bericht, payload: model.payload, metadata: model.metadata, source: nil),
            NewEvent(kind: .bericht, payload: model.payload + [10], metadata: odd, source: nil),
        ]
        #expect(try ledger.append(events) == [.appended(1), .appended(2)])
        #expect(
            try types(path, at: 2)
                == ["text", "integer", "text", "integer", "integer", "integer", "integer", "text", "integer"])
        let read = try Ledger(path: path, access: .read)
        #expect(try read.event(at: 2).metadata == odd)
        #expect(try read.store.positions(where: [("standaard", .text("iXw"))]) == [2])
        #expect(try read.store.positions(where: [("standaard", .text("iJw")), ("dagtekening", .text("2025-01-10"))]) == [1])
        #expect(try read.store.positions(where: [("dagtekening", .text("2025-02-30"))]) == [2])
        #expect(try read.store.positions(where: [("afzender", .text(model.metadata.afzender ?? ""))]) == [1])
        #expect(try read.store.positions(where: [("afzender", .text(odd.afzender ?? ""))]) == [2])
        // The same bytes again are duplicates, found through the identity in its stored form.
        #expect(try ledger.append(events) == [.duplicate(of: 1), .duplicate(of: 2)])
        #expect(try read.verify().isIntact)
    }
}
