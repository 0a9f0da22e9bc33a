import CSQLite
import Dispatch
import Foundation
import Kenmerken
import Ledger
import Synchronization
import TestSupport
import Testing

@Suite("The log: append, read back, identity")
struct LedgerTests {
    @Test func everyExampleRoundTripsByteForByte() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        let events = try Examples.names.map { try Examples.event($0) }
        let outcomes = try ledger.append(events)
        #expect(outcomes == (1...Int64(events.count)).map { .appended($0) })
        var seen = 0
        try ledger.forEachEvent { stored in
            let original = events[Int(stored.position) - 1]
            #expect(stored.payload == original.payload)
            #expect(stored.metadata == original.metadata)
            #expect(stored.source == original.source)
            seen += 1
        }
        #expect(seen == Examples.names.count)
        // And after reopening the file from scratch.
        let reopened = try Ledger(path: directory.path("l.sqlite"), access: .read)
        #expect(try reopened.event(at: 13).payload == Examples.bytes("JW323"))
    }

    /// A replay reads rows on one thread and decodes them on others: the events decoded that way
    /// are the events read decoded, and a payload that no longer decompresses fails where it is
    /// decoded, naming its position, not while the rows are read.
    @Test func eventsReadEncodedDecodeToTheSameEventsOnAnyThread() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        let events = try Examples.names.map { try Examples.event($0) }
        _ = try Ledger(path: path, access: .createIfMissing).append(events)
        let store = try SQLiteStore(path: path, access: .read)
        var decoded: [StoredEvent] = []
        try store.forEachEvent(from: 1) { decoded.append($0) }
        var read: [EncodedEvent] = []
        try store.forEachEncodedEvent(from: 1, indexRows: true) { read.append($0) }
        let encoded = read
        let results = Mutex<[Int64: StoredEvent]>([:])
        DispatchQueue.concurrentPerform(iterations: encoded.count) { index in
            let event = try? encoded[index].decoded()
            results.withLock { $0[encoded[index].position] = event }
        }
        let onOtherThreads = results.withLock { $0 }
        #expect(encoded.map(\.position) == decoded.map(\.position))
        for event in decoded {
            let other = onOtherThreads[event.position]
            #expect(other?.payload == event.payload && other?.metadata == event.metadata && other?.source == event.source)
            #expect(other?.chainHash == event.chainHash && other?.recordedAt == event.recordedAt && other?.kind == event.kind)
        }
        try RawSQL(path).run(
            "DROP TRIGGER events_no_update; UPDATE events SET payload = substr(payload, 1, 10) WHERE position = 3;")
        read = []
        try SQLiteStore(path: path, access: .read).forEachEncodedEvent(from: 1, indexRows: true) { read.append($0) }
        #expect(read.count == events.count)
        #expect(throws: LedgerError.self) { try read[2].decoded() }
        do {
            _ = try read[2].decoded()
        } catch {
            #expect(error.description.contains("position 3 does not decompress"))
        }
        #expect(try read[3].decoded().payload == events[3].payload)
    }

    /// A fold that reads no index rows gets every event without them, and nothing else missing.
    @Test func eventsReadWithoutIndexRowsLackOnlyThose() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        _ = try Ledger(path: path, access: .createIfMissing).append(try Examples.names.map { try Examples.event($0) })
        let store = try SQLiteStore(path: path, access: .read)
        var full: [StoredEvent] = []
        try store.forEachEvent(from: 1) { full.append($0) }
        var lean: [StoredEvent] = []
        try store.forEachEncodedEvent(from: 1, indexRows: false) { (event) throws(LedgerError) in lean.append(try event.decoded()) }
        #expect(lean.count == full.count)
        #expect(full.contains { !$0.metadata.bsns.isEmpty })
        for (with, without) in zip(full, lean) {
            #expect(without.metadata.bsns.isEmpty && without.metadata.toewijzingen.isEmpty)
            var expected = with.metadata
            expected.bsns = []
            expected.toewijzingen = []
            #expect(without.metadata == expected)
            #expect(without.payload == with.payload && without.position == with.position && without.source == with.source)
        }
    }

    @Test func dictionaryCompressionIsVersionedAndBeatsPlainLZ4() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        let events = try Examples.toewijzingen(40)
        _ = try ledger.append(events)
        let dictionaries = try ledger.store.dictionaries()
        #expect(dictionaries.map(\.soort) == ["iJw/301"])
        #expect(dictionaries.map(\.versie) == [1])
        let prepared = ledger.compressor.prepare([events[0]])[0]
        let plain = PayloadCodec.compress(events[0].payload, dictionary: nil)
        #expect(prepared.dictionaryID == dictionaries[0].id)
        #expect(prepared.compressed.count * 2 < plain.count)
        try ledger.forEachEvent { #expect($0.payload == events[Int($0.position) - 1].payload) }
    }

    @Test func anEventOfAKindWithoutADictionaryIsLeftToTheWriterAndCompressedOnce() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        _ = try ledger.append(try Examples.toewijzingen(40))
        // A batch that brings a new kind (305) beside one with a dictionary (301).
        let batch = try Examples.toewijzingen(4, from: 40) + Examples.copies(of: "JW305", 12)
        let prepared = ledger.compressor.prepareSettled(batch)
        #expect(prepared.prefix(4).allSatisfy { $0?.dictionaryID != nil })
        #expect(prepared.dropFirst(4).allSatisfy { $0 == nil })
        #expect(try ledger.append(batch, prepared: prepared).count == 16)
        let dictionaries = Dictionary(uniqueKeysWithValues: try ledger.store.dictionaries().map { ($0.soort, $0.id) })
        #expect(dictionaries.keys.sorted() == ["iJw/301", "iJw/305"])
        // The writer trained 305's dictionary from the batch and compressed the waiting events with it.
        let stored = try RawSQL(directory.path("l.sqlite")).integers(
            "SELECT dictionary_id FROM events WHERE position > 40 ORDER BY position")
        #expect(stored == Array(repeating: dictionaries["iJw/301"]!, count: 4)
            + Array(repeating: dictionaries["iJw/305"]!, count: 12))
        try ledger.forEachEvent(from: 41) { #expect($0.payload == batch[Int($0.position) - 41].payload) }
    }

    @Test func reappendingTheSameBytesIsADuplicate() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        let event = try Examples.event("JW305")
        #expect(try ledger.append([event]) == [.appended(1)])
        #expect(try ledger.append([event]) == [.duplicate(of: 1)])
        #expect(try ledger.append([event, event]) == [.duplicate(of: 1), .duplicate(of: 1)])
        #expect(try ledger.headPosition() == 1)
    }

    @Test func aDifferentMessageWithTheSameIdentityIsAppendedAsConflict() throws {
        let directory = try WorkDirectory()
        let ledger = try Ledger(path: directory.path("l.sqlite"), access: .createIfMissing)
        let original = try Examples.event("JW305")
        var changed = original
        changed.payload = Array(String(decoding: original.payload, as: UTF8.self)
            .replacingOccurrences(of: "2026-", with: "2025-").utf8)
        #expect(changed.payload != original.payload)
        #expect(try ledger.append([original]) == [.appended(1)])
        #expect(try ledger.append([changed, changed]) == [.conflict(position: 2, earlier: 1), .duplicate(of: 2)])
        #expect(try ledger.event(at: 2).conflictOf == 1)
        #expect(try ledger.event(at: 2).payload == changed.payload)
        #expect(try ledger.store.positions(of: original.metadata.identiteit!) == [1, 2])
        #expect(try ledger.verify().isIntact)
    }

    @Test func theFileIsOwnerOnly() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        _ = try Ledger(path: path, access: .createIfMissing).append([try Examples.event("JW301")])
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(permissions == 0o600, "\(file)")
        }
    }

    @Test func readersSeeWholeBatchesWhileAWriterAppends() async throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        let writer = try Ledger(path: path, access: .createIfMissing)
        let batches = try (0..<20).map { try Examples.toewijzingen(25, from: $0 * 25) }
        let reader = Task.detached { () throws -> [Int64] in
            let ledger = try Ledger(path: path, access: .read)
            var counts: [Int64] = []
            for _ in 0..<40 {
                var expected: Int64 = 1
                try ledger.forEachEvent { event in
                    #expect(event.position == expected)
                    expected += 1
                }
                counts.append(expected - 1)
            }
            return counts
        }
        for batch in batches { _ = try writer.append(batch) }
        let counts = try await reader.value
        #expect(counts.allSatisfy { $0 % 25 == 0 }, "a reader saw part of a batch: \(counts)")
        #expect(counts == counts.sorted())
        #expect(try writer.headPosition() == 500)
    }
}

@Suite("Dictionary training")
struct DictionaryTrainerTests {
    @Test func keepsWhatSamplesShareAndDropsWhatIsTheirsAlone() throws {
        let template = String(decoding: try Examples.bytes("JW305"), as: UTF8.self)
        let samples = (0..<10).map { index in
            Array(template.replacingOccurrences(of: "999990019", with: "BSN-\(index)-X").utf8)
        }
        let dictionary = String(decoding: try #require(DictionaryTrainer().train(samples)), as: UTF8.self)
        #expect(dictionary.contains("<jw305:BerichtCode>438</jw305:BerichtCode>"))
        #expect(!dictionary.contains("BSN-"))
    }

    @Test func tooFewSamplesGiveNoDictionary() throws {
        #expect(DictionaryTrainer(minimumSamples: 8).train(Array(repeating: try Examples.bytes("JW305"), count: 7)) == nil)
    }
}

@Suite("Opening files that are not (this version's) ledgers")
struct LedgerOpeningTests {
    @Test func aMissingFileIsNotCreatedForReading() throws {
        let directory = try WorkDirectory()
        #expect { try SQLiteStore(path: directory.path("none.sqlite"), access: .read) } throws: {
            ($0 as? LedgerError)?.code == .cannotOpen
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("none.sqlite")))
    }

    @Test func anEmptyFileLeftByAKilledCreateBecomesALedger() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o600]))
        #expect { try SQLiteStore(path: path, access: .read) } throws: { ($0 as? LedgerError)?.code == .notALedger }
        let ledger = try Ledger(path: path, access: .createIfMissing)
        #expect(try ledger.append([try Examples.event("JW301")]) == [.appended(1)])
    }

    @Test func aTextFileIsNotALedger() throws {
        let directory = try WorkDirectory()
        let path = directory.path("notes.txt")
        try Data("hello, this is no database\n".utf8).write(to: URL(fileURLWithPath: path))
        for access in [SQLiteStore.Access.read, .write, .createIfMissing] {
            #expect { try SQLiteStore(path: path, access: access) } throws: {
                ($0 as? LedgerError)?.code == .notALedger
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("hello, this is no database\n".utf8))
    }

    @Test func anOtherSQLiteDatabaseIsNotALedger() throws {
        let directory = try WorkDirectory()
        let path = directory.path("other.sqlite")
        try RawSQL(path).run("CREATE TABLE t (x INTEGER)")
        #expect { try SQLiteStore(path: path, access: .write) } throws: {
            ($0 as? LedgerError)?.code == .notALedger
        }
    }

    @Test func aNewerFormatIsRefusedWithAClearMessage() throws {
        let directory = try WorkDirectory()
        let path = directory.path("l.sqlite")
        _ = try SQLiteStore(path: path, access: .createIfMissing)
        try RawSQL(path).run("UPDATE ledger_info SET value = '99' WHERE key = 'format_version'")
        #expect { try SQLiteStore(path: path, access: .read) } throws: { error in
            let error = error as? LedgerError
            return error?.code == .newerFormat && error?.message.contains("format 99") == true
        }
    }
}

/// Plain SQL on a ledger file, as someone with the sqlite3 shell would do behind zorgledger's back.
struct RawSQL {
    let path: String

    init(_ path: String) { self.path = path }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func run(_ sql: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw Failure(description: "cannot open \(path)") }
        defer { sqlite3_close(db) }
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw Failure(description: message.map { String(cString: $0) } ?? "error")
        }
    }

    /// The first column of every row `sql` returns, as integers.
    func integers(_ sql: String) throws -> [Int64] {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw Failure(description: "cannot open \(path)") }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        var values: [Int64] = []
        while sqlite3_step(statement) == SQLITE_ROW { values.append(sqlite3_column_int64(statement, 0)) }
        return values
    }
}
