import Berichten
import Dispatch
import Foundation
import Generator
import Ingest
import Kenmerken
import Ledger
import PostgresLog
import Synchronization
import TestSupport
import Testing

/// The log on a real PostgreSQL server keeps the SQLite log's promises: exact bytes, the same
/// outcomes, chain and tree for the same appends, and under concurrent writers gap-free positions
/// and every message once.
@Suite("The log on PostgreSQL", .postgres)
struct PostgresStoreTests {
    /// Generated traffic of every message type; distinct messages, each with its own identity.
    static let berichten = Scenario(clients: 5, months: 4, seed: 11).berichten().map(\.bytes)

    static func events(_ berichten: [[UInt8]]) throws -> [NewEvent] {
        try berichten.map { bytes in
            NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try BerichtDecoder.decode(bytes)), source: "b.xml")
        }
    }

    static func store(_ url: String) throws -> PostgresStore {
        try PostgresStore(url: PostgresURL(url), eventDescription: .berichten, create: true)
    }

    @Test func appendsLikeTheSQLiteLogAndReadsBackTheExactBytes() throws {
        let work = try WorkDirectory()
        let sqlite = try Ledger(path: work.path("l.sqlite"), access: .createIfMissing)
        let postgres = try Ledger(store: Self.store(PostgresServer.freshDatabase()))
        let events = try Self.events(Self.berichten)
        // A second delivery of the first bytes is a duplicate; other bytes with its identity a conflict.
        var changed = events[0]
        changed.payload += Array("\n".utf8)
        let batches = [Array(events[..<40]), Array(events[30...]) + [events[0], changed]]
        for batch in batches {
            #expect(try postgres.append(batch) == sqlite.append(batch))
        }
        let count = try sqlite.headPosition()
        // Every distinct message once, and the changed one as a conflict.
        #expect(count == Int64(Set(events.map(\.payload)).count + 1))
        #expect(try postgres.headPosition() == count)
        var read: [StoredEvent] = []
        try postgres.forEachEvent { read.append($0) }
        var expected: [StoredEvent] = []
        try sqlite.forEachEvent { expected.append($0) }
        #expect(read.map(\.position) == Array(1...count))
        for (mine, theirs) in zip(read, expected) {
            #expect(mine.payload == theirs.payload)
            #expect(mine.metadata == theirs.metadata)
            #expect(mine.kind == theirs.kind && mine.source == theirs.source && mine.conflictOf == theirs.conflictOf)
            #expect(mine.contentHash == theirs.contentHash)
        }
        #expect(read.last?.conflictOf == 1)
        #expect(try postgres.event(at: 7).payload == Self.berichten[6])
        // The tree covers the messages only, so both logs have the same nodes.
        let postgresStore = try #require(postgres.store as? PostgresStore)
        let sqliteStore = try #require(sqlite.store as? SQLiteStore)
        for level in 0..<7 {
            for index in 0..<(count >> level) {
                #expect(try postgresStore.merkleNode(level: level, index: index) == sqliteStore.merkleNode(level: level, index: index))
            }
        }
        #expect(try postgresStore.merkleNode(level: 0, index: count) == nil)
        #expect(try postgres.store.dictionaries().map(\.soort) == sqlite.store.dictionaries().map(\.soort))
        let report = try postgres.verify()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.eventCount == count)
        #expect(report.headHash == read.last?.chainHash)
    }

    /// A new log stores the Merkle tree from level 4 up, like the SQLite file, and works out the
    /// nodes below from the content hashes; a log made before format 4 (no `merkle_floor`) goes on
    /// storing every level. Both hold the same tree, whose appends continue from a head that is no
    /// multiple of 16, and both verify.
    @Test func aNewLogStoresTheTreeFromLevelFourUpAnOldOneEveryLevel() throws {
        let events = try Self.events(Self.berichten)
        let new = try PostgresServer.freshDatabase()
        let old = try PostgresServer.freshDatabase()
        _ = try Self.store(old)
        _ = try PostgresServer.psql(old, """
            ALTER TABLE ledger_info DISABLE TRIGGER USER;
            DELETE FROM ledger_info WHERE key = 'merkle_floor';
            UPDATE ledger_info SET value = '3' WHERE key = 'format_version';
            ALTER TABLE ledger_info ENABLE TRIGGER USER;
            """)
        let logs = try [new, old].map { try Ledger(store: Self.store($0)) }
        for log in logs {
            for batch in [Array(events[..<21]), Array(events[21...])] { _ = try log.append(batch) }
        }
        let count = try logs[0].headPosition()
        #expect(count > 32 && (count % 16) != 0)
        func stored(from floor: Int) -> Int64 { (floor..<63).reduce(0) { $0 + count >> $1 } }
        let nodes = "SELECT count(*) || ' ' || min(level) FROM merkle_nodes"
        #expect(try PostgresServer.psql(new, nodes) == "\(stored(from: 4)) 4")
        #expect(try PostgresServer.psql(old, nodes) == "\(stored(from: 0)) 0")
        let stores = try logs.map { try #require($0.store as? PostgresStore) }
        for level in 0..<7 {
            for index in 0...(count >> level) {
                #expect(try stores[0].merkleNode(level: level, index: index) == stores[1].merkleNode(level: level, index: index))
            }
        }
        for log in logs {
            let report = try log.verify()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }

    @Test func concurrentWritersKeepPositionsGapFreeAndEveryMessageOnce() throws {
        let url = try PostgresServer.freshDatabase()
        let events = try Self.events(Self.berichten)
        let writers = 4
        let outcomes = Mutex<[[AppendOutcome]]>(Array(repeating: [], count: writers))
        let failures = Mutex<[String]>([])
        let distinct = Set(events.map(\.payload)).count
        let half = (events.count + 1) / 2
        // Overlapping halves, in batches of 25: every message is sent by two writers.
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let ledger = try Ledger(store: Self.store(url))
                let start = writer * events.count / writers
                let mine = (0..<half).map { events[(start + $0) % events.count] }
                for batch in stride(from: 0, to: mine.count, by: 25).map({ mine[$0..<min($0 + 25, mine.count)] }) {
                    let result = try ledger.append(Array(batch))
                    outcomes.withLock { $0[writer] += result }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let ledger = try Ledger(store: Self.store(url))
        #expect(try ledger.headPosition() == Int64(distinct))
        var seen: [Digest: Int64] = [:]
        var positions: [Int64] = []
        try ledger.forEachEvent { event in
            positions.append(event.position)
            #expect(seen[event.contentHash] == nil, "message at \(event.position) appended twice")
            seen[event.contentHash] = event.position
            #expect(event.conflictOf == nil)
        }
        #expect(positions == Array(1...Int64(distinct)))
        let all = outcomes.withLock { $0.flatMap { $0 } }
        #expect(all.count == writers * half)
        #expect(all.filter { if case .appended = $0 { true } else { false } }.count == distinct)
        #expect(all.filter { if case .duplicate = $0 { true } else { false } }.count == writers * half - distinct)
        #expect(try ledger.verify().problems.isEmpty)
    }

    @Test func aLogOfSeveralPagesReadsBackInOrderFromAnyPosition() throws {
        let events = try Self.events(Scenario(clients: 250, months: 12, seed: 4).berichten().map(\.bytes))
        let work = try WorkDirectory()
        let sqlite = try Ledger(path: work.path("l.sqlite"), access: .createIfMissing)
        let ledger = try Ledger(store: Self.store(PostgresServer.freshDatabase()))
        for start in stride(from: 0, to: events.count, by: 1_000) {
            let batch = Array(events[start..<min(start + 1_000, events.count)])
            #expect(try ledger.append(batch) == sqlite.append(batch))
        }
        var expected: [StoredEvent] = []
        try sqlite.forEachEvent { expected.append($0) }
        let count = try ledger.headPosition()
        // More than two pages of 1,000: the next page is asked for while this one is handed on.
        try #require(count == Int64(expected.count) && count > 2_000)
        for start: Int64 in [1, 999, 1_000, 1_001, count] {
            var read: [StoredEvent] = []
            try ledger.forEachEvent(from: start) { read.append($0) }
            let theirs = expected[Int(start - 1)...]
            #expect(read.map(\.position) == Array(start...count), "from \(start)")
            let samePayloads = read.map(\.payload) == theirs.map(\.payload)
            let sameMetadata = read.map(\.metadata) == theirs.map(\.metadata)
            #expect(samePayloads, "from \(start)")
            #expect(sameMetadata, "from \(start): index rows")
            #expect(read.map(\.conflictOf) == theirs.map(\.conflictOf), "from \(start)")
        }
        // A reader that stops in the middle leaves the connection usable (the next page's answer is read first).
        #expect(throws: LedgerError.self) {
            try ledger.forEachEvent { (event) throws(LedgerError) in
                if event.position == 1_500 { throw LedgerError(.noSuchEvent, "stop") }
            }
        }
        #expect(try ledger.headPosition() == count)
        #expect(try ledger.event(at: 2_001).payload == expected[2_000].payload)
    }

    @Test func writersThatNeedOneDictionaryAtOnceTrainItOnce() throws {
        let url = try PostgresServer.freshDatabase()
        _ = try Self.store(url)
        let trainings = Mutex(0)
        let ids = Mutex<[Int64]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let store = try Self.store(url)
                let dictionary = try store.dictionary(for: "iJw/301") { () throws(LedgerError) -> [UInt8]? in
                    trainings.withLock { $0 += 1 }
                    Thread.sleep(forTimeInterval: 0.2)  // the others ask meanwhile
                    return Array(repeating: 0x3C, count: 1_024)
                }
                ids.withLock { $0.append(dictionary?.id ?? -1) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        #expect(trainings.withLock { $0 } == 1)
        #expect(ids.withLock { $0 } == [1, 1, 1, 1])
        // Too few samples: nothing is stored, and a later writer may train.
        let store = try Self.store(url)
        #expect(try store.dictionary(for: "iJw/305") { () throws(LedgerError) -> [UInt8]? in nil } == nil)
        #expect(try store.dictionaries().map(\.soort) == ["iJw/301"])
    }

    @Test func writersStartingTogetherOnAnEmptyDatabaseCreateTheLogOnce() throws {
        let url = try PostgresServer.freshDatabase()
        let ids = Mutex<[String]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do {
                let id = try Self.store(url).ledgerID()
                ids.withLock { $0.append(id) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        #expect(Set(ids.withLock { $0 }).count == 1)
        #expect(ids.withLock { $0 }.count == 6)
    }

    @Test func theDatabaseRefusesChangesAndVerifyFindsTamperingBehindItsBack() throws {
        let url = try PostgresServer.freshDatabase()
        let ledger = try Ledger(store: Self.store(url))
        _ = try ledger.append(try Self.events(Array(Self.berichten.prefix(20))))
        for statement in [
            "UPDATE events SET source = 'x' WHERE position = 3", "DELETE FROM events WHERE position = 20",
            "TRUNCATE event_bsn", "UPDATE merkle_nodes SET hash = hash", "DELETE FROM ledger_info",
        ] {
            #expect(throws: HelperFailure.self, "\(statement)") { try PostgresServer.psql(url, statement) }
        }
        #expect(try ledger.verify().problems.isEmpty)
        // The owner can switch a guard off; verify reports that, and what was changed meanwhile.
        try PostgresServer.psql(url, "ALTER TABLE events DISABLE TRIGGER events_no_update")
        try PostgresServer.psql(url, "UPDATE events SET source = 'elders.xml' WHERE position = 3")
        // A role that may insert can add an index row of no event (no foreign key): verify counts it.
        try PostgresServer.psql(url, "INSERT INTO event_bsn (position, bsn) VALUES (21, '999999990')")
        let report = try ledger.verify()
        #expect(report.problems.map(\.description) == [
            "the immutability trigger events_no_update was removed",
            "position 3: the hash chain breaks: the event, its metadata or its order was changed",
            "1 index row(s) belong to no event of the log",
        ])
    }

    @Test func urlParametersAreLibpqs() throws {
        let url = try PostgresURL("postgresql://lezer:p%3Fw@db.example:6543/zorg?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem")
        #expect(url.password == "p?w" && url.host == "db.example" && url.port == 6543 && url.database == "zorg")
        #expect(url.sslMode == .verifyFull && url.sslRootCertificate == "/etc/ca.pem")
        #expect(try PostgresURL("postgres://lezer@db/zorg").sslMode == .prefer)
        #expect(try PostgresURL("postgres://lezer:a?b@db/zorg?sslmode=disable").password == "a?b")
        #expect(try PostgresURL("postgres://lezer:a?b@db/zorg?sslmode=disable").sslMode == .disable)
    }

    @Test func badConnectionsFailInOneLineWithoutThePassword() throws {
        let url = try #require(PostgresServer.url)
        let parsed = try PostgresURL(url)
        let secret = try #require(parsed.password)
        let cases: [(String, String)] = [
            ("postgresql://\(parsed.user):wrong-\(secret)@\(parsed.host):\(parsed.port)/\(parsed.database)", "password"),
            ("postgresql://\(parsed.user):\(secret)@127.0.0.1:1/\(parsed.database)", "cannot be reached"),
            ("postgresql://\(parsed.user):\(secret)@\(parsed.host):\(parsed.port)/no_such_database", "does not exist"),
            ("postgresql://\(parsed.user):\(secret)@\(parsed.host):99999/x", "port"),
            ("postgresql://\(secret)@/x", "host"),
            ("postgresql://\(parsed.user):\(secret)@\(parsed.host):\(parsed.port)/x?sslmode=sometimes", "sslmode must be one of"),
            ("postgresql://\(parsed.user):\(secret)@\(parsed.host):\(parsed.port)/x?ssl=1", "unknown parameter ssl"),
            ("postgresql://\(parsed.user):\(secret)@\(parsed.host):\(parsed.port)/x?sslmode=verify-ca&sslrootcert=/nowhere.pem", "cannot be read"),
        ]
        for (bad, expected) in cases {
            let started = ContinuousClock.now
            do {
                _ = try PostgresStore(url: PostgresURL(bad), eventDescription: .berichten, create: true)
                Issue.record("\(expected): connected")
            } catch {
                #expect(error.code == .cannotOpen)
                #expect(error.message.contains(expected), "\(error.message)")
                #expect(!error.message.contains(secret))
                #expect(!error.message.contains("\n"))
            }
            #expect(ContinuousClock.now - started < .seconds(15))
        }
    }
}
