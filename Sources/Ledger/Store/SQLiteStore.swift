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
    /// The store's connection. Projections that keep their tables in the same file write them
    /// through it (see `ProjectionDatabase`), so a batch's events and its projection rows commit together.
    public let connection: SQLiteConnection
    /// What the events' metadata is; the tables, statements and chain follow from it.
    public let eventDescription: EventDescription
    let table: EventTable
    private var dictionaryCache: [Int64: CompressionDictionary] = [:]
    private let statements: Statements
    /// The format of the file as opened: a format-1 ledger opened only for reading has no Merkle tree.
    public let formatVersion: Int
    /// The lowest level of the Merkle tree the file stores (see ``Schema/merkleFloor``).
    let merkleFloor: Int
    /// Copies committed pages into the file while the writer goes on; nil for a reader.
    private let checkpointer: WALCheckpointer?
    /// The tree's statements, prepared on first use (a format-1 ledger opened for reading has no tree).
    private var preparedMerkleLog: MerkleLog?

    func merkleLog() throws(LedgerError) -> MerkleLog {
        if let preparedMerkleLog { return preparedMerkleLog }
        let log = try MerkleLog(connection: connection, floor: merkleFloor) { [unowned self] row throws(LedgerError) in
            try contentHash(in: row)
        }
        preparedMerkleLog = log
        return log
    }

    /// Statements prepared once per connection and reused for every event (SQLITE_PREPARE_PERSISTENT).
    private struct Statements {
        /// Nil for an old ledger opened for reading, which lacks the added columns until it is upgraded.
        let insertEvent: SQLiteStatement?
        /// One per index table of the description, in its order.
        let insertRows: [SQLiteStatement]
        /// Nil unless the file keeps the sources apart.
        let insertSource: SQLiteStatement?
        let selectIdentity: SQLiteStatement
        /// Nil when the description names no delivery column, or for an old ledger opened for reading.
        let selectDelivery: SQLiteStatement?

        init(_ connection: SQLiteConnection, _ table: EventTable) throws(LedgerError) {
            insertEvent = table.absent.isEmpty ? try connection.prepare(table.insert, persistent: true) : nil
            if let sql = table.selectDelivery, table.absent.isEmpty {
                selectDelivery = try connection.prepare(sql, persistent: true)
            } else {
                selectDelivery = nil
            }
            var insertRows: [SQLiteStatement] = []
            for index in table.eventDescription.indexTables {
                insertRows.append(try connection.prepare(EventTable.insert(into: index), persistent: true))
            }
            self.insertRows = insertRows
            insertSource =
                table.layout.sourcesApart ? try connection.prepare(EventTable.insertSource, persistent: true) : nil
            selectIdentity = try connection.prepare(table.selectIdentity, persistent: true)
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

    /// Opens the ledger at `path`, whose events carry the metadata `eventDescription` describes.
    /// - throws: ``LedgerError`` with `.cannotOpen` for a missing file, `.notALedger` for any other
    ///   kind of file, `.newerFormat` for a ledger from a newer zorgledger.
    public init(path: String, access: Access, eventDescription: EventDescription) throws(LedgerError) {
        self.eventDescription = eventDescription
        let described = EventTable(eventDescription: eventDescription, layout: .sqlite(format: Schema.formatVersion))
        if access == .createIfMissing {
            try Self.createIfMissing(path, described)
        } else if Glibc.access(path, F_OK) != 0 {
            throw LedgerError(.cannotOpen, "\(path): no such ledger; create one with `zorgledger ingest`")
        }
        connection = try SQLiteConnection(path: path, mode: access == .read ? .readOnly : .readWrite)
        // An empty file given as a new ledger holds nothing to lose: it is initialised.
        if access == .createIfMissing && (try? Self.schemaObjects(connection)) == 0 {
            try Self.createSchema(connection, described)
        }
        var version = try Self.checkFormat(connection)
        if access != .read {
            try connection.execute(Schema.connectionPragmas)
            if version < 2 {
                try MerkleLog.upgradeToFormat2(connection)
                version = 2
            }
            if version < 3 {
                try Self.upgradeToFormat3(connection, described)
                version = 3
            }
            if version < 4 {
                try Self.upgradeToFormat4(connection)
                version = 4
            }
            if version < Schema.sourcesApartSince, try Self.schemaObjects(connection, named: "event_sources") == 0 {
                try connection.execute(EventTable.sourcesView)
            }
            table = EventTable(eventDescription: eventDescription, layout: .sqlite(format: version))
        } else {
            try connection.execute("PRAGMA cache_size = -65536;")
            table = EventTable(
                eventDescription: eventDescription, layout: .sqlite(format: version),
                absent: try Self.absentColumns(connection, described))
        }
        statements = try Statements(connection, table)
        checkpointer = access == .read ? nil : try WALCheckpointer(following: connection)
        formatVersion = version
        merkleFloor = try Self.merkleFloor(connection)
    }

    deinit { checkpointer?.close() }

    /// Creates the tables unless another process did so first: two ingests that create the same
    /// ledger at once both see an empty file, so emptiness is decided again under the write lock.
    /// Creates a new, owner-only ledger at `path` unless one exists, atomically: the schema is
    /// built in a temporary file beside it, which is then linked into place. A kill at any moment
    /// leaves either no ledger or a complete one, never a half-made file; of two processes
    /// creating the same ledger at once, the second to link opens the first one's.
    private static func createIfMissing(_ path: String, _ table: EventTable) throws(LedgerError) {
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
            try createSchema(connection, table)
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw LedgerError(.cannotOpen, "\(path): cannot create the ledger file (\(String(cString: strerror(errno))))")
        }
    }

    private static func createSchema(_ connection: SQLiteConnection, _ table: EventTable) throws(LedgerError) {
        try connection.execute(Schema.filePragmas)
        try connection.writeTransaction { () throws(LedgerError) in
            if try schemaObjects(connection) == 0 { try connection.execute(Schema.creation(table)) }
        }
    }

    /// Format 3 added columns to `events` (the description's added columns): a format-2 ledger
    /// gets them, NULL for every event it holds, whose links do not cover them.
    private static func upgradeToFormat3(_ connection: SQLiteConnection, _ table: EventTable) throws(LedgerError) {
        try upgrade(connection, from: 2) { () throws(LedgerError) in
            let absent = try absentColumns(connection, table)
            let added = table.addedColumns.filter { absent.contains($0.name) }
                .map { "ALTER TABLE events ADD COLUMN \($0.name) \($0.type.sql);\n" }.joined()
            try connection.execute(
                added + table.eventIndexes + "UPDATE ledger_info SET value = '3' WHERE key = 'format_version';")
        }
    }

    /// Runs `body`, which upgrades the file from format `version`, in a write transaction, if the
    /// file is still of that format there: another process may have upgraded it since it was opened.
    static func upgrade(
        _ connection: SQLiteConnection, from version: Int, _ body: () throws(LedgerError) -> Void
    ) throws(LedgerError) {
        try connection.writeTransaction { () throws(LedgerError) in
            let recorded = try connection.prepare("SELECT value FROM ledger_info WHERE key = 'format_version'")
            guard try recorded.step(), recorded.string(0) == String(version) else { return }
            try body()
        }
    }

    /// Format 4 records the lowest level of the Merkle tree stored; a ledger upgraded to it has
    /// stored every level and goes on doing so.
    private static func upgradeToFormat4(_ connection: SQLiteConnection) throws(LedgerError) {
        try upgrade(connection, from: 3) { () throws(LedgerError) in
            try connection.execute(
                "INSERT INTO ledger_info (key, value) VALUES ('merkle_floor', '0');"
                    + "UPDATE ledger_info SET value = '4' WHERE key = 'format_version';")
        }
    }

    /// The lowest level of the Merkle tree the file stores: 0 in a ledger from before format 4.
    private static func merkleFloor(_ connection: SQLiteConnection) throws(LedgerError) -> Int {
        let statement = try connection.prepare("SELECT value FROM ledger_info WHERE key = 'merkle_floor'")
        guard try statement.step() else { return 0 }
        guard let floor = Int(statement.string(0)), (0..<63).contains(floor) else {
            throw LedgerError(.corrupt, "\(connection.path): the recorded lowest level of the Merkle tree is not a level")
        }
        return floor
    }

    /// The added columns `events` does not have (in a ledger written before format 3).
    private static func absentColumns(_ connection: SQLiteConnection, _ table: EventTable) throws(LedgerError) -> Set<String> {
        let statement = try connection.prepare("SELECT name FROM pragma_table_info('events')")
        var present = Set<String>()
        while try statement.step() { present.insert(statement.string(0)) }
        return Set(table.addedColumns.map(\.name).filter { !present.contains($0) })
    }

    /// How many tables, indexes, views and triggers the file holds, or how many are called `name`.
    private static func schemaObjects(_ connection: SQLiteConnection, named name: String? = nil) throws(LedgerError) -> Int64 {
        let statement = try connection.prepare("SELECT count(*) FROM sqlite_master WHERE ?1 IS NULL OR name = ?1")
        statement.bind(1, name)
        try statement.step()
        return statement.int64(0)
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
        _ batch: [PreparedEvent], beforeCommit: BeforeCommit
    ) throws(LedgerError) -> [AppendOutcome] {
        if let failure = checkpointer?.takeFailure() { throw failure }
        let recordedAt = Timestamp.now()
        return try connection.writeTransaction { () throws(LedgerError) -> [AppendOutcome] in
            let head = try head()
            let plan = try AppendPlan(
                batch, after: head, recordedAt: recordedAt, eventDescription: eventDescription, lookups: lookups)
            // Each written event's prepared (compressed) form is the batch's, at its index.
            for (offset, index) in plan.writtenIndices.enumerated() { try insert(batch[index], as: plan.written[offset]) }
            if let last = plan.written.last {
                try merkleLog().append(after: head.position, contentHashes: plan.written.map(\.contentHash))
                try connection.execute(
                    "UPDATE ledger_info SET value = '\(last.position)' WHERE key = 'head_position';"
                        + "UPDATE ledger_info SET value = '\(last.chainHash)' WHERE key = 'head_hash';")
            }
            try beforeCommit(plan.outcomes, plan.written)
            return plan.outcomes
        }
    }

    /// One write transaction, which every append in `body` joins: a commit writes each page it
    /// changed whole, so two batches in one commit write the pages they both change once.
    public func inOneCommit<Result>(_ body: () throws(LedgerError) -> Result) throws(LedgerError) -> Result {
        try connection.writeTransaction(body)
    }

    /// What the log holds, read with the statements prepared once.
    private var lookups: AppendPlan.Lookups {
        let selectIdentity = statements.selectIdentity
        let selectDelivery = statements.selectDelivery
        let table = table
        return AppendPlan.Lookups(
            delivery: { (delivery) throws(LedgerError) -> Int64? in
                guard let selectDelivery, let column = table.eventDescription.identity.delivery else { return nil }
                selectDelivery.bind(1, table.stored(delivery, ofColumn: column))
                defer { selectDelivery.reset() }
                return try selectDelivery.step() ? selectDelivery.int64(0) : nil
            },
            identity: { (identity) throws(LedgerError) -> [(position: Int64, contentHash: Digest)] in
                table.bindIdentity(identity, to: selectIdentity)
                defer { selectIdentity.reset() }
                var known: [(position: Int64, contentHash: Digest)] = []
                while try selectIdentity.step() {
                    known.append((selectIdentity.int64(0), try self.contentHash(in: selectIdentity)))
                }
                return known
            })
    }

    private func insert(_ event: PreparedEvent, as stored: StoredEvent) throws(LedgerError) {
        let metadata = event.metadata
        let position = stored.position
        guard let events = statements.insertEvent else {
            throw LedgerError(.cannotOpen, "\(connection.path): an old ledger opened for reading takes no events")
        }
        events.bind(table.position + 1, position)
        events.bind(table.kind + 1, table.stored(.text(event.kind.rawValue), of: table.kindColumn))
        events.bind(table.recordedAt + 1, table.stored(.text(stored.recordedAt), of: EventTable.recordedAtColumn))
        events.bind(table.source + 1, table.layout.sourcesApart ? nil : event.source)
        for index in eventDescription.columns.indices {
            events.bind(table.column(index) + 1, table.stored(metadata[index], ofColumn: index))
        }
        events.bind(table.conflictOf + 1, stored.conflictOf)
        events.bind(table.dictionaryID + 1, event.dictionaryID)
        events.bind(table.rawSize + 1, event.rawSize)
        events.bind(table.payload + 1, event.compressed)
        events.bind(table.contentHash + 1, table.layout.contentHash ? event.contentHash : nil)
        events.bind(table.chainHash + 1, stored.chainHash)
        defer { events.rewind() }
        try events.step()
        if let insertSource = statements.insertSource, let source = event.source {
            insertSource.bind(1, position)
            insertSource.bind(2, source)
            defer { insertSource.rewind() }
            try insertSource.step()
        }
        for (number, rows) in statements.insertRows.enumerated() {
            try metadata.forEachRow(ofIndexTable: number, width: eventDescription.indexTables[number].columns.count) {
                (key) throws(LedgerError) in
                rows.bind(1, position)
                for (offset, value) in key.enumerated() {
                    rows.bind(Int32(offset + 2), table.stored(value, ofKey: offset, inIndexTable: number))
                }
                defer { rows.rewind() }
                try rows.step()
            }
        }
    }

    /// The last position and its chain hash, read from the log itself rather than from `ledger_info`.
    private func head() throws(LedgerError) -> (position: Int64, chainHash: Digest) {
        let statement = try connection.prepare("SELECT position, chain_hash FROM events ORDER BY position DESC LIMIT 1")
        guard try statement.step() else { return (0, .genesis) }
        return (statement.int64(0), Digest(bytes: statement.bytes(1)) ?? .genesis)
    }

    public func headPosition() throws(LedgerError) -> Int64 { try head().0 }

    // MARK: Reading

    public func forEachEvent(
        from position: Int64, _ body: (StoredEvent) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        try forEachEncodedEvent(from: position, indexRows: true) { (event) throws(LedgerError) in
            try body(event.decoded())
        }
    }

    public func forEachEncodedEvent(
        from position: Int64, indexRows: Bool, _ body: (EncodedEvent) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        try connection.readTransaction { () throws(LedgerError) in
            let events = try connection.prepare(
                "SELECT \(table.columnList) FROM \(table.rows) WHERE position >= ?1 ORDER BY position")
            let related =
                indexRows ? try RelatedRows(connection: connection, table: table, from: position) : nil
            events.bind(1, position)
            while try events.step() {
                let metadata = try related?.metadata(for: events.int64(table.position)) ?? EventMetadata()
                try body(encodedRow(events, metadata: metadata))
            }
        }
    }

    public func event(at position: Int64) throws(LedgerError) -> StoredEvent {
        try connection.readTransaction { () throws(LedgerError) -> StoredEvent in
            let events = try connection.prepare("SELECT \(table.columnList) FROM \(table.rows) WHERE position = ?1")
            events.bind(1, position)
            guard try events.step() else {
                throw LedgerError(.noSuchEvent, "\(connection.path): there is no event at position \(position)")
            }
            let related = try RelatedRows(connection: connection, table: table, from: position)
            return try encodedRow(events, metadata: related.metadata(for: position)).decoded()
        }
    }

    /// A row of ``EventTable/columnList`` as it is stored, copied out of the statement; `metadata`
    /// holds the event's index rows already. Decoding it reads the stored forms as text and
    /// decompresses the payload, on whichever thread asks.
    func encodedRow(_ row: SQLiteStatement, metadata: EventMetadata) throws(LedgerError) -> EncodedEvent {
        let (table, path) = (table, connection.path)
        let position = row.int64(table.position)
        let stored = eventDescription.columns.indices.map { row.value(table.column($0)) }
        let kind = row.value(table.kind)
        let recordedAt = row.value(table.recordedAt)
        let source = row.optionalString(table.source)
        let conflictOf = row.optionalInt64(table.conflictOf)
        let contentHash = Digest(bytes: row.bytes(table.contentHash))
        let chainHash = Digest(bytes: row.bytes(table.chainHash)) ?? .genesis
        let compressed = try storedPayload(in: row, from: table.dictionaryID)
        return EncodedEvent(position: position) { () throws(LedgerError) -> StoredEvent in
            var metadata = metadata
            metadata.setValues(table.values(stored))
            let payload = try compressed.decompressed(at: position, in: path)
            guard let kind = table.value(kind, of: table.kindColumn)?.text.flatMap(table.eventDescription.kind(named:)),
                let recordedAt = table.value(recordedAt, of: EventTable.recordedAtColumn)?.text
            else {
                throw LedgerError(.corrupt, "\(path): unknown event kind or recording time at position \(position)")
            }
            return StoredEvent(
                position: position, kind: kind, recordedAt: recordedAt, source: source, metadata: metadata,
                payload: payload, conflictOf: conflictOf, contentHash: contentHash, chainHash: chainHash)
        }
    }

    /// The payload of a row whose columns from `first` on are `dictionary_id, raw_size, payload`,
    /// copied out still compressed, with what decompresses it.
    private func storedPayload(in row: SQLiteStatement, from first: Int32) throws(LedgerError) -> StoredPayload {
        StoredPayload(
            compressed: row.bytes(first + 2), rawSize: row.int(first + 1),
            dictionary: try row.optionalInt64(first).map { id throws(LedgerError) in try self.dictionary(id) })
    }

    /// The content hash of a row of ``EventTable/contentHashColumns``: as kept, or of its payload.
    private func contentHash(in row: SQLiteStatement) throws(LedgerError) -> Digest {
        if let kept = Digest(bytes: row.bytes(1)) { return kept }
        return Digest(of: try storedPayload(in: row, from: 2).decompressed(at: row.int64(0), in: connection.path))
    }

    public func positions(withIdentity identity: [MetadataValue?]) throws(LedgerError) -> [Int64] {
        let selectIdentity = statements.selectIdentity
        table.bindIdentity(identity, to: selectIdentity)
        defer { selectIdentity.reset() }
        var result: [Int64] = []
        while try selectIdentity.step() { result.append(selectIdentity.int64(0)) }
        return result
    }

    public func positions(
        in table: IndexTable, matching key: [(column: String, value: MetadataValue)]
    ) throws(LedgerError) -> [Int64] {
        let statement = try connection.prepare(table.positionsQuery(matching: key.map(\.column)))
        for (index, part) in key.enumerated() { statement.bind(Int32(index + 1), part.value) }
        var result = Set<Int64>()
        while try statement.step() { result.insert(statement.int64(0)) }
        return result.sorted()
    }

    public func positions(where key: [(column: String, value: MetadataValue)]) throws(LedgerError) -> [Int64] {
        let columns = key.map { part in eventDescription.columns.first { $0.name == part.column } }
        guard !key.isEmpty, !columns.contains(nil) else {
            let unknown = zip(key, columns).filter { $0.1 == nil }.map(\.0.column)
            throw LedgerError(.sqlite, "\(connection.path): no metadata column named \(unknown)")
        }
        let condition = key.enumerated().map { "\($0.element.column) = ?\($0.offset + 1)" }.joined(separator: " AND ")
        let statement = try connection.prepare("SELECT position FROM events WHERE \(condition) ORDER BY position")
        for (index, (part, column)) in zip(key, columns.compactMap { $0 }).enumerated() {
            statement.bind(Int32(index + 1), table.stored(part.value, of: column))
        }
        var result: [Int64] = []
        while try statement.step() { result.append(statement.int64(0)) }
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

    public func dictionary(
        for soort: String, trainedBy train: () throws(LedgerError) -> [UInt8]?
    ) throws(LedgerError) -> CompressionDictionary? {
        // The write lock is taken first, so a writer in another process trains while this one waits.
        try connection.writeTransaction { () throws(LedgerError) -> CompressionDictionary? in
            let latest = try connection.prepare("SELECT id FROM dictionaries WHERE soort = ?1 ORDER BY versie DESC LIMIT 1")
            latest.bind(1, soort)
            if try latest.step() { return try dictionary(latest.int64(0)) }
            guard let bytes = try train() else { return nil }
            let insert = try connection.prepare(
                "INSERT INTO dictionaries (soort, versie, bytes, created_at) VALUES (?1, 1, ?2, ?3) RETURNING id")
            insert.bind(1, soort)
            insert.bind(2, bytes)
            insert.bind(3, Timestamp.now())
            try insert.step()
            let dictionary = CompressionDictionary(id: insert.int64(0), soort: soort, versie: 1, bytes: bytes)
            dictionaryCache[dictionary.id] = dictionary
            return dictionary
        }
    }

    public func samples(soort: String, limit: Int) throws(LedgerError) -> [[UInt8]] {
        guard let family = eventDescription.familyValues(soort) else { return [] }
        let statement = try connection.prepare(table.selectFamily)
        for (index, value) in family.enumerated() {
            statement.bind(Int32(index + 1), table.stored(value, ofColumn: eventDescription.family[index]))
        }
        statement.bind(Int32(family.count + 1), limit)
        var result: [[UInt8]] = []
        while try statement.step() {
            if let payload = try storedPayload(in: statement, from: 0).payload { result.append(payload) }
        }
        return result.reversed()
    }
}

/// A payload as a row keeps it: compressed, with the size and dictionary that restore it.
private struct StoredPayload: Sendable {
    let compressed: [UInt8]
    let rawSize: Int
    let dictionary: CompressionDictionary?

    /// The payload; nil when the bytes do not restore `rawSize` bytes.
    var payload: [UInt8]? {
        compressed.withUnsafeBytes { PayloadCodec.decompress($0, originalSize: rawSize, dictionary: dictionary) }
    }

    /// The payload of the event at `position` of the ledger at `path` (which the error names).
    func decompressed(at position: Int64, in path: String) throws(LedgerError) -> [UInt8] {
        guard let payload else { throw LedgerError(.codec, "\(path): the payload at position \(position) does not decompress") }
        return payload
    }
}

/// Reads the rows of every index table alongside the events, merging by position, so a scan
/// costs one extra sequential read per table instead of one lookup per event and table.
final class RelatedRows {
    private let scans: [SQLiteStatement]
    private var hasRow: [Bool]
    private let table: EventTable

    init(connection: SQLiteConnection, table: EventTable, from position: Int64) throws(LedgerError) {
        var scans: [SQLiteStatement] = []
        var hasRow: [Bool] = []
        for table in table.eventDescription.indexTables {
            let scan = try connection.prepare(EventTable.scan(of: table))
            scan.bind(1, position)
            hasRow.append(try scan.step())
            scans.append(scan)
        }
        self.scans = scans
        self.hasRow = hasRow
        self.table = table
    }

    /// The rows that belong to `position`; rows of skipped earlier positions are passed over.
    func metadata(for position: Int64) throws(LedgerError) -> EventMetadata {
        var metadata = EventMetadata()
        for (number, scan) in scans.enumerated() {
            var values: [MetadataValue] = []
            while hasRow[number] && scan.int64(0) <= position {
                if scan.int64(0) == position {
                    for offset in table.eventDescription.indexTables[number].columns.indices {
                        // Key columns are NOT NULL, so every value is present.
                        if let value = scan.value(Int32(offset + 1)) {
                            values.append(table.value(value, ofKey: offset, inIndexTable: number))
                        }
                    }
                }
                hasRow[number] = try scan.step()
            }
            if table.keepsKeyForms(ofIndexTable: number) {
                // The table returns them in the order of their stored forms (numbers before texts),
                // the chain covers them in the order of their values.
                let width = table.eventDescription.indexTables[number].columns.count
                let rows = stride(from: 0, to: values.count, by: width).map { Array(values[$0..<($0 + width)]) }
                metadata.setRows(rows, ofIndexTable: number)
            } else {
                metadata.setFlatRows(values, ofIndexTable: number)
            }
        }
        return metadata
    }
}
