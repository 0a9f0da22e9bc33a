import CSQLite
import Glibc
import Ledger
import TestSupport
import Testing

/// The ledger with a description of its own, far from iWmo/iJw: whatever it describes is stored,
/// read back, chained, verified and looked up, with no knowledge of messages in the ledger.
@Suite("One description drives the schema, the insert, the read, the chain and the identity")
struct EventDescriptionTests {
    /// Kinds `notitie` and `correctie`; columns `naam` (text) and `nummer` (integer); index tables
    /// `event_label (label)` and `event_paar (links, rechts)`; identity `naam` plus `nummer` when
    /// set; family `naam`.
    static let description = EventDescription(
        kinds: [notitie, correctie],
        columns: [.text("naam"), .integer("nummer")],
        indexTables: [
            IndexTable(name: "event_label", columns: [.text("label")], lookupIndex: "event_label_label"),
            IndexTable(
                name: "event_paar", columns: [.text("links"), .integer("rechts")], lookupIndex: "event_paar_sleutel"),
        ],
        identity: IdentityPolicy(required: [0], optional: [1]),
        eventIndexes: [EventIndex(name: "events_naam", columns: ["naam", "nummer"])],
        family: [0])

    static let notitie = EventKind(rawValue: "notitie")
    static let correctie = EventKind(rawValue: "correctie")

    static func metadata(
        naam: String?, nummer: Int? = nil, labels: [String] = [], paren: [(String, Int)] = []
    ) -> EventMetadata {
        var metadata = EventMetadata()
        metadata[0] = naam.map(MetadataValue.text)
        metadata[1] = nummer.map(MetadataValue.integer)
        metadata.setRows(labels.map { [.text($0)] }, ofIndexTable: 0)
        metadata.setRows(paren.map { [.text($0.0), .integer($0.1)] }, ofIndexTable: 1)
        return metadata
    }

    static func event(_ text: String, _ metadata: EventMetadata, kind: EventKind = notitie) -> NewEvent {
        NewEvent(kind: kind, payload: Array(text.utf8), metadata: metadata, source: "\(text).txt")
    }

    private func ledger(_ directory: WorkDirectory) throws -> Ledger {
        try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing, eventDescription: Self.description)
    }

    @Test func theTablesHaveTheDescribedColumnsInOrder() throws {
        let directory = try WorkDirectory()
        _ = try ledger(directory)
        let columns = try Self.query(directory.path("l.sqlite"), "SELECT name, type FROM pragma_table_info('events')")
        #expect(columns.map { $0[0] } == [
            "position", "kind", "recorded_at", "source", "naam", "nummer", "conflict_of", "dictionary_id",
            "raw_size", "payload", "content_hash", "chain_hash",
        ])
        #expect(columns[4...5].map { $0[1] } == ["TEXT", "INTEGER"])
        let paar = try Self.query(directory.path("l.sqlite"), "SELECT name, type, pk FROM pragma_table_info('event_paar')")
        #expect(paar == [["position", "INTEGER", "1"], ["links", "TEXT", "2"], ["rechts", "INTEGER", "3"]])
        let indexes = try Self.query(
            directory.path("l.sqlite"), "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        #expect(indexes.map { $0[0] } == ["event_label_label", "event_paar_sleutel", "events_naam"])
        let triggers = try Self.query(
            directory.path("l.sqlite"), "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event_paar'")
        #expect(triggers == [["2"]])
    }

    @Test func everyColumnAndIndexRowRoundTrips() throws {
        let directory = try WorkDirectory()
        let ledger = try ledger(directory)
        let events = [
            Self.event("een", Self.metadata(
                naam: "één", nummer: -7, labels: ["b", "B", "a", "é", "b"], paren: [("x", 10), ("x", 9), ("a", 99)])),
            Self.event("twee", Self.metadata(naam: nil, nummer: 3)),
            Self.event("drie", EventMetadata()),
            Self.event("vier", Self.metadata(naam: "vier", labels: ["z"])),
        ]
        #expect(try ledger.append(events) == [.appended(1), .appended(2), .appended(3), .appended(4)])
        let een = try ledger.event(at: 1).metadata
        // Rows are kept as the primary key returns them: sorted by bytes, repeats dropped.
        #expect(een.rows(ofIndexTable: 0) == [.text("B"), .text("a"), .text("b"), .text("é")])
        #expect(een.rows(ofIndexTable: 1) == [.text("a"), .integer(99), .text("x"), .integer(9), .text("x"), .integer(10)])
        #expect(een[0] == .text("één") && een[1] == .integer(-7))
        var read: [EventMetadata] = []
        try ledger.forEachEvent { read.append($0.metadata) }
        #expect(read == events.map(\.metadata))
        let reopened = try Ledger(path: directory.path("l.sqlite"), access: .read, eventDescription: Self.description)
        #expect(try (1...4).map { try reopened.event(at: $0).metadata } == events.map(\.metadata))
        #expect(try reopened.verify().isIntact)
    }

    @Test func indexTablesAreReadThroughTheirKeys() throws {
        let directory = try WorkDirectory()
        let ledger = try ledger(directory)
        _ = try ledger.append([
            Self.event("een", Self.metadata(naam: "een", labels: ["rood"], paren: [("x", 1), ("y", 1)])),
            Self.event("twee", Self.metadata(naam: "twee", labels: ["blauw", "rood"], paren: [("x", 2)])),
            Self.event("drie", Self.metadata(naam: "drie", labels: ["groen"], paren: [("y", 1)])),
        ])
        let label = Self.description.indexTables[0], paar = Self.description.indexTables[1]
        #expect(try ledger.store.positions(in: label, matching: [("label", .text("rood"))]) == [1, 2])
        #expect(try ledger.store.positions(in: label, matching: [("label", .text("paars"))]) == [])
        #expect(try ledger.store.positions(in: paar, matching: [("rechts", .integer(1))]) == [1, 3])
        #expect(try ledger.store.positions(in: paar, matching: [("rechts", .integer(1)), ("links", .text("x"))]) == [1])
        #expect(paar.positionsQuery(matching: ["rechts", "links"])
            == "SELECT position FROM event_paar WHERE rechts = ? AND links = ?")
    }

    /// A key column with the digits form: kept as a number where the number gives the text back
    /// exactly, as the text otherwise; read back, chained, verified and looked up as its text, also
    /// when the numbers sort otherwise than the texts ("0999" after "123" as numbers, texts after
    /// numbers).
    @Test func keysOfDigitsAreKeptAsNumbersAndReadAsTheirText() throws {
        let table = IndexTable(name: "event_code", columns: [.text("code", form: .digits)], lookupIndex: "event_code_code")
        var description = Self.description
        description.indexTables = [table]
        let directory = try WorkDirectory()
        let path = directory.path("codes.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing, eventDescription: description)
        func event(_ name: String, _ codes: [String]) -> NewEvent {
            var metadata = Self.metadata(naam: name)
            metadata.setRows(codes.map { [.text($0)] }, ofIndexTable: 0)
            return Self.event(name, metadata)
        }
        let events = [event("een", ["123", "0999", "12A", ""]), event("twee", ["000123456"]), event("drie", ["0999"])]
        _ = try ledger.append(events)
        let kept = try Self.query(path, "SELECT position, typeof(code), code FROM event_code ORDER BY position, code")
        #expect(kept == [
            ["1", "integer", "1123"], ["1", "integer", "10999"], ["1", "text", ""], ["1", "text", "12A"],
            ["2", "integer", "1000123456"], ["3", "integer", "10999"],
        ])
        let read = try Ledger(path: path, access: .read, eventDescription: description)
        for (position, event) in zip(Int64(1)..., events) {
            #expect(try read.event(at: position).metadata == event.metadata)
        }
        #expect(try read.verify().isIntact)
        #expect(try read.store.positions(in: table, matching: [("code", .text("0999"))]) == [1, 3])
        #expect(try read.store.positions(in: table, matching: [("code", .text("12A"))]) == [1])
        #expect(try read.store.positions(in: table, matching: [("code", .text("999"))]) == [])
        let only = try Self.query(path, "SELECT \(table.onlyValueQuery(of: "code", at: "2")), \(table.onlyValueQuery(of: "code", at: "1"))")
        #expect(only == [["000123456", "NULL"]], "one code, kept as a number; four codes: none")
    }

    @Test func theIdentityPolicyDecidesDuplicateAndConflict() throws {
        let directory = try WorkDirectory()
        let ledger = try ledger(directory)
        let eerste = Self.event("bytes A", Self.metadata(naam: "n", nummer: 1))
        #expect(try ledger.append([eerste]) == [.appended(1)])
        // Same identity, same bytes: a duplicate. Same identity, other bytes: a conflict.
        #expect(try ledger.append([eerste]) == [.duplicate(of: 1)])
        #expect(try ledger.append([Self.event("bytes B", Self.metadata(naam: "n", nummer: 1))])
            == [.conflict(position: 2, earlier: 1)])
        // Near misses: another optional part, or no optional part, is another identity.
        #expect(try ledger.append([Self.event("bytes A", Self.metadata(naam: "n", nummer: 2))]) == [.appended(3)])
        #expect(try ledger.append([Self.event("bytes A", Self.metadata(naam: "n"))]) == [.appended(4)])
        // An unset optional part matches an unset one.
        #expect(try ledger.append([Self.event("bytes C", Self.metadata(naam: "n"))])
            == [.conflict(position: 5, earlier: 4)])
        // Without its required part an event has no identity: the same bytes are appended again.
        let naamloos = Self.event("bytes A", Self.metadata(naam: nil, nummer: 1))
        #expect(try ledger.append([naamloos, naamloos]) == [.appended(6), .appended(7)])
        #expect(try ledger.store.positions(withIdentity: [.text("n"), .integer(1)]) == [1, 2])
        #expect(try ledger.store.positions(withIdentity: [.text("n"), nil]) == [4, 5])
        #expect(try ledger.verify().isIntact)
    }

    /// A kind is kept as its place among the described kinds and read back by name; a batch with
    /// a kind the description does not name is refused whole, in one line that names the kind.
    @Test func onlyTheDescribedKindsAreKept() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        let ledger = try ledger(directory)
        _ = try ledger.append([Self.event("a", Self.metadata(naam: "a")), Self.event("b", Self.metadata(naam: "b"), kind: Self.correctie)])
        #expect(try Self.query(path, "SELECT kind FROM events ORDER BY position") == [["0"], ["1"]])
        #expect(try [1, 2].map { try ledger.event(at: $0).kind } == [Self.notitie, Self.correctie])
        let vreemd = Self.event("c", Self.metadata(naam: "c"), kind: EventKind(rawValue: "bericht"))
        #expect { try ledger.append([Self.event("d", Self.metadata(naam: "d")), vreemd]) } throws: { error in
            let error = error as? LedgerError
            return error?.code == .invalidEvent && error?.message.contains("'bericht'") == true
        }
        #expect(try ledger.headPosition() == 2)
        // A kind's place changed behind the ledger's back: the chain no longer covers it, and the
        // event cannot be read as a kind the description names.
        try Self.query(path, "DROP TRIGGER events_no_update; UPDATE events SET kind = 7 WHERE position = 1")
        let reopened = try Ledger(path: path, access: .read, eventDescription: Self.description)
        #expect { try reopened.event(at: 1) } throws: { ($0 as? LedgerError)?.code == .corrupt }
        #expect(try !reopened.verify().isIntact)
    }

    @Test func aChangedDescribedValueBreaksTheChain() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        let ledger = try ledger(directory)
        _ = try ledger.append((1...4).map { Self.event("e\($0)", Self.metadata(naam: "e\($0)", paren: [("p", $0)])) })
        #expect(try ledger.verify().isIntact)
        for (index, sql) in [
            "UPDATE events SET nummer = 5 WHERE position = 2",
            "UPDATE event_paar SET rechts = 0 WHERE position = 3",
        ].enumerated() {
            let copy = directory.path("copy\(index).sqlite")
            try Self.query(path, "VACUUM INTO '\(copy)'")
            try Self.query(copy, "DROP TRIGGER events_no_update; DROP TRIGGER event_paar_no_update; \(sql)")
            let problems = try Ledger(path: copy, access: .read, eventDescription: Self.description).verify().problems
            #expect(problems.compactMap(\.position) == [Int64(index + 2)], "\(sql)")
        }
    }

    /// Appends that commit together roll back together, the dictionary one of them trained
    /// included: the compressor forgets it, so the next append trains and stores its own, and
    /// the log verifies.
    @Test func aRolledBackCommitTakesItsDictionaryWithIt() throws {
        let directory = try WorkDirectory()
        let ledger = try ledger(directory)
        let template = String(repeating: "<regel>een herhaald stuk tekst dat elke keer terugkomt</regel>\n", count: 20)
        let events = (0..<12).map { (index: Int) in Self.event(template + "\(index)", Self.metadata(naam: "familie", nummer: index)) }
        #expect(throws: LedgerError.self) {
            try ledger.inOneCommit { () throws(LedgerError) in
                _ = try ledger.append(events)
                #expect(ledger.compressor.prepare([events[0]])[0].dictionaryID != nil, "trained inside the commit")
                throw LedgerError(.storageFull, "the disk filled up before the commit")
            }
        }
        #expect(try ledger.headPosition() == 0 && ledger.store.dictionaries().isEmpty)
        #expect(ledger.compressor.prepare([events[0]])[0].dictionaryID == nil, "forgotten with the rollback")
        #expect(try ledger.append(events).count == 12)
        #expect(try ledger.store.dictionaries().map(\.soort) == ["familie"])
        #expect(try ledger.verify().isIntact)
    }

    @Test func eventsOfOneFamilyShareADictionary() throws {
        let directory = try WorkDirectory()
        let ledger = try ledger(directory)
        let template = String(repeating: "<regel>een herhaald stuk tekst dat elke keer terugkomt</regel>\n", count: 20)
        nonisolated(unsafe) let writer = ledger
        let (_, niceAfter) = try WriterThread.run {
            _ = try writer.append((0..<12).map { Self.event(template + "\($0)", Self.metadata(naam: "familie")) })
            _ = try writer.append([Self.event(template, Self.metadata(naam: nil))])
        }
        // The append trained and compressed on the writer's thread too: it was not lowered.
        #expect(niceAfter == 0)
        #expect(try ledger.store.dictionaries().map(\.soort) == ["familie"])
        #expect(ledger.compressor.prepare([Self.event(template, Self.metadata(naam: "familie"))])[0].dictionaryID != nil)
        #expect(ledger.compressor.prepare([Self.event(template, Self.metadata(naam: "ander"))])[0].dictionaryID == nil)
    }

    /// Rows of `sql` as text, through the plain SQLite C API.
    @discardableResult
    static func query(_ path: String, _ sql: String) throws -> [[String]] {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw RawSQL.Failure(description: "cannot open \(path)") }
        defer { sqlite3_close(db) }
        var rows: [[String]] = []
        var rest = sql
        while !rest.isEmpty {
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let rc = rest.withCString { text in
                let rc = sqlite3_prepare_v2(db, text, -1, &statement, &tail)
                rest = tail.map { String(cString: $0) } ?? ""
                return rc
            }
            guard rc == SQLITE_OK else { throw RawSQL.Failure(description: String(cString: sqlite3_errmsg(db))) }
            guard let statement else { break }
            defer { sqlite3_finalize(statement) }
            while true {
                let step = sqlite3_step(statement)
                if step == SQLITE_DONE { break }
                guard step == SQLITE_ROW else { throw RawSQL.Failure(description: String(cString: sqlite3_errmsg(db))) }
                rows.append((0..<sqlite3_column_count(statement)).map { column in
                    sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "NULL"
                })
            }
        }
        return rows
    }
}
