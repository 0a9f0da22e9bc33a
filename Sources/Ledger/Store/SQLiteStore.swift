#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CSQLite

/// The log in one SQLite file (WAL mode), written by one connection and read by any number of others.
///
/// Positions are `INTEGER PRIMARY KEY` values assigned inside `BEGIN IMMEDIATE`, so they are
/// gap-free and a reader never sees a later position before an earlier one. Triggers refuse
/// UPDATE and DELETE of events; the hash chain catches whatever is changed behind their back.
public final class SQLiteStore: EventStore {
    /// The writer's connection. Projections keep their tables in the same file and write them
    /// through it, so a projection's rows and its checkpoint commit together.
    public let connection: SQLiteConnection
    private var dictionaryCache: [Int64: CompressionDictionary] = [:]
    private let statements: Statements
    /// The format of the file as opened: a format-1 ledger opened only for reading has no Merkle tree.
    public let formatVersion: Int

    /// Statements prepared once per connection and reused for every event (SQLITE_PREPARE_PERSISTENT).
    private struct Statements {
        let insertEvent: SQLiteStatement
        let insertBsn: SQLiteStatement
        let insertToewijzing: SQLiteStatement
        let selectIdentity: SQLiteStatement

        init(_ connection: SQLiteConnection) throws(LedgerError) {
            insertEvent = try connection.prepare(
                """
                INSERT INTO events (position, kind, recorded_at, source, standaard, release, bericht_code,
                    berichttype, afzender, ontvanger, identificatie, dagtekening, identificatie_retour, heen_code,
                    heen_afzender, heen_identificatie, conflict_of, dictionary_id, raw_size, payload, content_hash,
                    chain_hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                    ?21, ?22)
                """, persistent: true)
            insertBsn = try connection.prepare(
                "INSERT INTO event_bsn (position, bsn) VALUES (?1, ?2)", persistent: true)
            insertToewijzing = try connection.prepare(
                "INSERT INTO event_toewijzing (position, gemeente, toewijzing_nummer) VALUES (?1, ?2, ?3)",
                persistent: true)
            selectIdentity = try connection.prepare(
                """
                SELECT position, content_hash FROM events
                WHERE bericht_code = ?1 AND afzender = ?2 AND identificatie = ?3 AND identificatie_retour IS ?4
                ORDER BY position
                """, persistent: true)
        }
    }

    /// How a store is opened.
    public enum Access: Sendable {
        /// Read only; the file must exist and be a ledger.
        case read
        /// Read and append; the file must exist and be a ledger.
        case write
        /// Read and append; a missing file is created, owner-only (0600).
        case createIfMissing
    }

    /// Opens the ledger at `path`.
    /// - throws: ``LedgerError`` with `.cannotOpen` for a missing file, `.notALedger` for any other
    ///   kind of file, `.newerFormat` for a ledger from a newer zorgledger.
    public init(path: String, access: Access) throws(LedgerError) {
        if access == .createIfMissing {
            try Self.createIfMissing(path)
        } else if Glibc.access(path, F_OK) != 0 {
            throw LedgerError(.cannotOpen, "\(path): no such ledger; create one with `zorgledger ingest`")
        }
        connection = try SQLiteConnection(path: path, mode: access == .read ? .readOnly : .readWrite)
        // An empty file given as a new ledger holds nothing to lose: it is initialised.
        if access == .createIfMissing && (try? Self.isEmptyDatabase(connection)) == true {
            try Self.createSchema(connection)
        }
        var version = try Self.checkFormat(connection)
        if access != .read {
            try connection.execute(Schema.connectionPragmas)
            if version < 2 {
                try MerkleLog.upgradeToFormat2(connection)
                version = 2
            }
        } else {
            try connection.execute("PRAGMA cache_size = -65536;")
        }
        statements = try Statements(connection)
        formatVersion = version
    }

    /// Creates the tables unless another process did so first: two ingests that create the same
    /// ledger at once both see an empty file, so emptiness is decided again under the write lock.
    /// Creates a new, owner-only ledger at `path` unless one exists, atomically: the schema is
    /// built in a temporary file beside it, which is then linked into place. A kill at any moment
    /// leaves either no ledger or a complete one, never a half-made file; of two processes
    /// creating the same ledger at once, the second to link opens the first one's.
    private static func createIfMissing(_ path: String) throws(LedgerError) {
        guard Glibc.access(path, F_OK) != 0 else { return }
        let temporary = "\(path).creating-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.cannotOpen, "\(path): cannot create the ledger file (\(String(cString: strerror(errno))))")
        }
        close(fd)
        defer { unlink(temporary) }
        do {
            // Closed before linking, so the new file carries no -wal or -shm of its own.
            let connection = try SQLiteConnection(path: temporary, mode: .readWrite)
            try createSchema(connection)
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw LedgerError(.cannotOpen, "\(path): cannot create the ledger file (\(String(cString: strerror(errno))))")
        }
    }

    private static func createSchema(_ connection: SQLiteConnection) throws(LedgerError) {
        try connection.execute(Schema.filePragmas)
        try connection.writeTransaction { () throws(LedgerError) in
            if try isEmptyDatabase(connection) { try connection.execute(Schema.creation) }
        }
    }

    private static func isEmptyDatabase(_ connection: SQLiteConnection) throws(LedgerError) -> Bool {
        let statement = try connection.prepare("SELECT count(*) FROM sqlite_master")
        try statement.step()
        return statement.int64(0) == 0
    }

    private static func checkFormat(_ connection: SQLiteConnection) throws(LedgerError) -> Int {
        let format: String?
        let version: Int?
        do {
            let statement = try connection.prepare(
                "SELECT (SELECT value FROM ledger_info WHERE key = 'format'), "
                    + "(SELECT value FROM ledger_info WHERE key = 'format_version')")
            try statement.step()
            format = statement.optionalString(0)
            version = statement.optionalString(1).flatMap { Int($0) }
        } catch where error.code == .sqlite || error.code == .notALedger {
            throw LedgerError(.notALedger, "\(connection.path): not a zorgledger file")
        }
        guard format == "zorgledger", let version else {
            throw LedgerError(.notALedger, "\(connection.path): not a zorgledger file")
        }
        guard version <= Schema.formatVersion else {
            throw LedgerError(
                .newerFormat,
                "\(connection.path): written by a newer zorgledger (format \(version)); this one reads format "
                    + "\(Schema.formatVersion): upgrade zorgledger")
        }
        return version
    }

    // MARK: Appending

    public func append(
        _ batch: [PreparedEvent], beforeCommit: ([AppendOutcome]) throws(LedgerError) -> Void
    ) throws(LedgerError) -> [AppendOutcome] {
        let selectIdentity = statements.selectIdentity
        let recordedAt = Timestamp.now()
        return try connection.writeTransaction { () throws(LedgerError) -> [AppendOutcome] in
            let (start, _) = try head()
            var (position, previous) = try head()
            var outcomes: [AppendOutcome] = []
            outcomes.reserveCapacity(batch.count)
            var inBatch: [BerichtIdentiteit: [(Int64, Digest)]] = [:]
            for event in batch {
                var conflictOf: Int64?
                if let identiteit = event.metadata.identiteit {
                    var known = inBatch[identiteit] ?? []
                    if known.isEmpty {
                        selectIdentity.bind(1, identiteit.berichtCode)
                        selectIdentity.bind(2, identiteit.afzender)
                        selectIdentity.bind(3, identiteit.identificatie)
                        selectIdentity.bind(4, identiteit.identificatieRetour)
                        defer { selectIdentity.reset() }
                        while try selectIdentity.step() {
                            known.append((selectIdentity.int64(0), Digest(bytes: selectIdentity.bytes(1)) ?? .genesis))
                        }
                    }
                    if let same = known.first(where: { $0.1 == event.contentHash }) {
                        outcomes.append(.duplicate(of: same.0))
                        continue
                    }
                    conflictOf = known.first?.0
                    inBatch[identiteit] = known + [(position + 1, event.contentHash)]
                }
                position += 1
                let link = ChainLink.compute(
                    previous: previous, position: position, contentHash: event.contentHash, kind: event.kind,
                    recordedAt: recordedAt, source: event.source, metadata: event.metadata,
                    rawSize: event.rawSize, conflictOf: conflictOf)
                try insert(event, at: position, recordedAt: recordedAt, conflictOf: conflictOf, link: link,
                           into: statements.insertEvent, statements.insertBsn, statements.insertToewijzing)
                previous = link
                outcomes.append(conflictOf.map { .conflict(position: position, earlier: $0) } ?? .appended(position))
            }
            if position > start {
                let tree = MerkleLog(connection: connection)
                try tree.append(after: start, contentHashes: try tree.contentHashes(from: start + 1))
                try connection.execute(
                    "UPDATE ledger_info SET value = '\(position)' WHERE key = 'head_position';"
                        + "UPDATE ledger_info SET value = '\(previous)' WHERE key = 'head_hash';")
            }
            try beforeCommit(outcomes)
            return outcomes
        }
    }

    private func insert(
        _ event: PreparedEvent, at position: Int64, recordedAt: String, conflictOf: Int64?, link: Digest,
        into events: SQLiteStatement, _ bsns: SQLiteStatement, _ toewijzingen: SQLiteStatement
    ) throws(LedgerError) {
        let metadata = event.metadata
        events.bind(1, position)
        events.bind(2, event.kind.rawValue)
        events.bind(3, recordedAt)
        events.bind(4, event.source)
        events.bind(5, metadata.standaard)
        events.bind(6, metadata.release)
        events.bind(7, metadata.berichtCode)
        events.bind(8, metadata.berichttype)
        events.bind(9, metadata.afzender)
        events.bind(10, metadata.ontvanger)
        events.bind(11, metadata.identificatie)
        events.bind(12, metadata.dagtekening)
        events.bind(13, metadata.identificatieRetour)
        events.bind(14, metadata.heenbericht?.berichtCode)
        events.bind(15, metadata.heenbericht?.afzender)
        events.bind(16, metadata.heenbericht?.identificatie)
        events.bind(17, conflictOf)
        events.bind(18, event.dictionaryID)
        events.bind(19, event.rawSize)
        events.bind(20, event.compressed)
        events.bind(21, event.contentHash.bytes)
        events.bind(22, link.bytes)
        defer { events.reset() }
        try events.step()
        for bsn in metadata.bsns {
            bsns.bind(1, position)
            bsns.bind(2, bsn)
            defer { bsns.reset() }
            try bsns.step()
        }
        for toewijzing in metadata.toewijzingen {
            toewijzingen.bind(1, position)
            toewijzingen.bind(2, toewijzing.gemeente)
            toewijzingen.bind(3, toewijzing.nummer)
            defer { toewijzingen.reset() }
            try toewijzingen.step()
        }
    }

    /// The last position and its chain hash, read from the log itself rather than from `ledger_info`.
    private func head() throws(LedgerError) -> (Int64, Digest) {
        let statement = try connection.prepare("SELECT position, chain_hash FROM events ORDER BY position DESC LIMIT 1")
        guard try statement.step() else { return (0, .genesis) }
        return (statement.int64(0), Digest(bytes: statement.bytes(1)) ?? .genesis)
    }

    public func headPosition() throws(LedgerError) -> Int64 { try head().0 }

    // MARK: Reading

    static let eventColumns = """
        position, kind, recorded_at, source, standaard, release, bericht_code, berichttype, afzender, ontvanger,
        identificatie, dagtekening, identificatie_retour, heen_code, heen_afzender, heen_identificatie,
        conflict_of, dictionary_id, raw_size, payload, content_hash, chain_hash
        """

    public func forEachEvent(
        from position: Int64, _ body: (StoredEvent) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        try connection.readTransaction { () throws(LedgerError) in
            let events = try connection.prepare(
                "SELECT \(Self.eventColumns) FROM events WHERE position >= ?1 ORDER BY position")
            let related = try RelatedRows(connection: connection, from: position)
            events.bind(1, position)
            while try events.step() {
                var metadata = try related.metadata(for: events.int64(0))
                try body(decodeRow(events, metadata: &metadata))
            }
        }
    }

    public func event(at position: Int64) throws(LedgerError) -> StoredEvent {
        try connection.readTransaction { () throws(LedgerError) -> StoredEvent in
            let events = try connection.prepare("SELECT \(Self.eventColumns) FROM events WHERE position = ?1")
            events.bind(1, position)
            guard try events.step() else {
                throw LedgerError(.noSuchEvent, "\(connection.path): there is no event at position \(position)")
            }
            let related = try RelatedRows(connection: connection, from: position)
            var metadata = try related.metadata(for: position)
            return try decodeRow(events, metadata: &metadata)
        }
    }

    /// Builds a ``StoredEvent`` from a row of ``eventColumns``, decompressing the payload.
    func decodeRow(_ row: SQLiteStatement, metadata: inout EventMetadata) throws(LedgerError) -> StoredEvent {
        let position = row.int64(0)
        metadata.standaard = row.optionalString(4)
        metadata.release = row.optionalString(5)
        metadata.berichtCode = row.optionalInt(6)
        metadata.berichttype = row.optionalString(7)
        metadata.afzender = row.optionalString(8)
        metadata.ontvanger = row.optionalString(9)
        metadata.identificatie = row.optionalString(10)
        metadata.dagtekening = row.optionalString(11)
        metadata.identificatieRetour = row.optionalString(12)
        if let code = row.optionalInt(13) {
            metadata.heenbericht = BerichtIdentiteit(
                berichtCode: code, afzender: row.string(14), identificatie: row.string(15))
        }
        let dictionary = try row.optionalInt64(17).map { id throws(LedgerError) in try self.dictionary(id) }
        let rawSize = row.int(18)
        let payload = try row.withBytes(19) { compressed throws(LedgerError) -> [UInt8] in
            guard let payload = PayloadCodec.decompress(compressed, originalSize: rawSize, dictionary: dictionary) else {
                throw LedgerError(.codec, "\(connection.path): the payload at position \(position) does not decompress")
            }
            return payload
        }
        guard let kind = EventKind(rawValue: row.string(1)) else {
            throw LedgerError(.corrupt, "\(connection.path): unknown event kind at position \(position)")
        }
        return StoredEvent(
            position: position, kind: kind, recordedAt: row.string(2), source: row.optionalString(3),
            metadata: metadata, payload: payload, conflictOf: row.optionalInt64(16),
            contentHash: Digest(bytes: row.bytes(20)) ?? .genesis, chainHash: Digest(bytes: row.bytes(21)) ?? .genesis)
    }

    public func positions(of identiteit: BerichtIdentiteit) throws(LedgerError) -> [Int64] {
        let selectIdentity = statements.selectIdentity
        selectIdentity.bind(1, identiteit.berichtCode)
        selectIdentity.bind(2, identiteit.afzender)
        selectIdentity.bind(3, identiteit.identificatie)
        selectIdentity.bind(4, identiteit.identificatieRetour)
        defer { selectIdentity.reset() }
        var result: [Int64] = []
        while try selectIdentity.step() { result.append(selectIdentity.int64(0)) }
        return result
    }

    // MARK: Dictionaries

    func dictionary(_ id: Int64) throws(LedgerError) -> CompressionDictionary {
        if let cached = dictionaryCache[id] { return cached }
        for dictionary in try dictionaries() where dictionary.id == id { return dictionary }
        throw LedgerError(.corrupt, "\(connection.path): compression dictionary \(id) is missing")
    }

    public func dictionaries() throws(LedgerError) -> [CompressionDictionary] {
        let statement = try connection.prepare("SELECT id, soort, versie, bytes FROM dictionaries ORDER BY id")
        var result: [CompressionDictionary] = []
        while try statement.step() {
            let id = statement.int64(0)
            let dictionary = dictionaryCache[id]
                ?? CompressionDictionary(id: id, soort: statement.string(1), versie: statement.int(2), bytes: statement.bytes(3))
            dictionaryCache[id] = dictionary
            result.append(dictionary)
        }
        return result
    }

    public func addDictionary(soort: String, bytes: [UInt8]) throws(LedgerError) -> CompressionDictionary {
        try connection.writeTransaction { () throws(LedgerError) -> CompressionDictionary in
            let insert = try connection.prepare(
                """
                INSERT INTO dictionaries (soort, versie, bytes, created_at)
                VALUES (?1, (SELECT coalesce(max(versie), 0) + 1 FROM dictionaries WHERE soort = ?1), ?2, ?3)
                RETURNING id, versie
                """)
            insert.bind(1, soort)
            insert.bind(2, bytes)
            insert.bind(3, Timestamp.now())
            try insert.step()
            let dictionary = CompressionDictionary(id: insert.int64(0), soort: soort, versie: insert.int(1), bytes: bytes)
            dictionaryCache[dictionary.id] = dictionary
            return dictionary
        }
    }

    public func samples(soort: String, limit: Int) throws(LedgerError) -> [[UInt8]] {
        let parts = soort.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        let statement = try connection.prepare(
            """
            SELECT dictionary_id, raw_size, payload FROM events
            WHERE kind = 'bericht' AND standaard = ?1 AND berichttype = ?2 ORDER BY position DESC LIMIT ?3
            """)
        statement.bind(1, parts[0])
        statement.bind(2, parts[1])
        statement.bind(3, limit)
        var result: [[UInt8]] = []
        while try statement.step() {
            let dictionary = try statement.optionalInt64(0).map { id throws(LedgerError) in try self.dictionary(id) }
            let size = statement.int(1)
            let payload = try statement.withBytes(2) { PayloadCodec.decompress($0, originalSize: size, dictionary: dictionary) }
            if let payload { result.append(payload) }
        }
        return result.reversed()
    }
}

/// Reads the BSN and toewijzing rows alongside the events, merging by position, so a scan
/// costs two extra sequential reads instead of two lookups per event.
final class RelatedRows {
    private let bsns: SQLiteStatement
    private let toewijzingen: SQLiteStatement
    private var bsnRow: Bool
    private var toewijzingRow: Bool

    init(connection: SQLiteConnection, from position: Int64) throws(LedgerError) {
        bsns = try connection.prepare("SELECT position, bsn FROM event_bsn WHERE position >= ?1 ORDER BY position, bsn")
        toewijzingen = try connection.prepare(
            """
            SELECT position, gemeente, toewijzing_nummer FROM event_toewijzing
            WHERE position >= ?1 ORDER BY position, gemeente, toewijzing_nummer
            """)
        bsns.bind(1, position)
        toewijzingen.bind(1, position)
        bsnRow = try bsns.step()
        toewijzingRow = try toewijzingen.step()
    }

    /// The rows that belong to `position`; rows of skipped earlier positions are passed over.
    func metadata(for position: Int64) throws(LedgerError) -> EventMetadata {
        var metadata = EventMetadata()
        while bsnRow && bsns.int64(0) <= position {
            if bsns.int64(0) == position { metadata.bsns.append(bsns.string(1)) }
            bsnRow = try bsns.step()
        }
        while toewijzingRow && toewijzingen.int64(0) <= position {
            if toewijzingen.int64(0) == position {
                metadata.toewijzingen.append(
                    ToewijzingSleutel(gemeente: toewijzingen.string(1), nummer: toewijzingen.int(2)))
            }
            toewijzingRow = try toewijzingen.step()
        }
        return metadata
    }
}
