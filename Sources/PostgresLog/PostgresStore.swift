public import Ledger
import NIOCore
import PostgresNIO

/// The log in a PostgreSQL database, for several intake machines appending to one shared,
/// replicated log. Same rows, same chain, same Merkle tree as the SQLite file (``EventTable``,
/// ``AppendPlan``, ``LogCheck``), so `verify` and every proof mean the same on both.
///
/// Writers on many machines append at once. Each append takes a transaction-scoped advisory lock
/// before it reads the head, so positions and chain links are assigned in commit order, without
/// gaps, and a duplicate sent by two writers at once is written by the first and found by the
/// second (which reads after the first committed: READ COMMITTED takes a snapshot per statement).
/// Projections are not kept here: read models follow the log by position (see `catchUp`).
public final class PostgresStore: AuditedStore {
    public let eventDescription: EventDescription
    public let url: PostgresURL
    let session: PostgresSession
    let table: EventTable
    /// The lowest level of the Merkle tree stored; a node below it is computed from the content
    /// hashes of its at most 2^floor − 1 events. 0 for a log made before format 4.
    let merkleFloor: Int
    var dictionaryCache: [Int64: CompressionDictionary] = [:]

    /// Connects to the log at `url`. With `create`, a database without a log gets one; several
    /// writers starting at once on an empty database create it once (under an advisory lock).
    /// - throws: ``LedgerError``: `.cannotOpen` when the server cannot be reached, refuses the
    ///   login, or (without `create`) holds no log; `.newerFormat` for a newer zorgledger's log.
    public init(url: PostgresURL, eventDescription: EventDescription, create: Bool) throws(LedgerError) {
        self.url = url
        self.eventDescription = eventDescription
        // PostgreSQL keeps every value as the text or number it is: its columns have one type each.
        let table = EventTable(eventDescription: eventDescription, layout: .logical)
        let session = try PostgresSession(url)
        self.table = table
        self.session = session
        merkleFloor = try session.transaction { () throws(LedgerError) -> Int in
            try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.schemaLock))")
            let exists = try session.query("SELECT to_regclass('ledger_info') IS NOT NULL")[0].cell(0, Bool.self)
            if !exists {
                guard create else {
                    throw LedgerError(.cannotOpen, "\(url): this database holds no zorgledger log; create one with `zorgledger ingest`")
                }
                for statement in PostgresSchema.creation(table, ledgerID: Schema.newLedgerID()) { try session.query(statement) }
            }
            let rows = try session.query("SELECT value FROM ledger_info WHERE key = 'format_version'")
            guard let version = rows.first.flatMap({ Int((try? $0.cell(0, String.self)) ?? "") }) else {
                throw LedgerError(.notALedger, "\(url): the database has a ledger_info table but no zorgledger log")
            }
            guard version <= PostgresSchema.formatVersion else {
                throw LedgerError(
                    .newerFormat, "\(url): written by a newer zorgledger (format \(version)); upgrade zorgledger")
            }
            let floor = try session.query("SELECT value FROM ledger_info WHERE key = 'merkle_floor'").first
                .map { (row) throws(LedgerError) in Int(try row.cell(0, String.self)) }
            guard let floor = floor ?? 0, (0..<63).contains(floor) else {
                throw LedgerError(.corrupt, "\(url): the recorded lowest level of the Merkle tree is not a level")
            }
            return floor
        }
    }

    /// The last position and its chain hash, from the log itself.
    func head() throws(LedgerError) -> (position: Int64, chainHash: Digest) {
        guard let row = try session.query("SELECT position, chain_hash FROM events ORDER BY position DESC LIMIT 1").first
        else { return (0, .genesis) }
        return (try row.cell(0, Int64.self), Digest(bytes: try row.bytes(1)) ?? .genesis)
    }

    public func headPosition() throws(LedgerError) -> Int64 { try head().position }

    // MARK: Reading

    /// Events are read a page at a time, so a log of any size streams in bounded memory.
    static let pageSize: Int64 = 1_000

    /// Each page is decoded on another thread while `body` works on the page before (a read
    /// model folding the events).
    public func forEachEvent(from position: Int64, _ body: (StoredEvent) throws(LedgerError) -> Void) throws(LedgerError) {
        var decoding: Background<Result<[StoredEvent], LedgerError>>?
        func handOn() throws(LedgerError) {
            for event in try decoding?.take().get() ?? [] { try body(event) }
        }
        try forEachPage(from: position) { (rows, decoder) throws(LedgerError) in
            let next = Background { Result { () throws(LedgerError) in try rows.map(decoder.decode) } }
            try handOn()
            decoding = next
        }
        try handOn()
    }

    /// Hands the log on a page at a time from `position`: the rows of `events` with their index
    /// rows, and a decoder for them. The next page is asked for before `body` gets this one, so
    /// the server reads it meanwhile.
    func forEachPage(
        from position: Int64,
        _ body: ([(PostgresRandomAccessRow, EventMetadata)], RowDecoder) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        var pending = session.send(pageQueries(from: position, limit: Self.pageSize))
        while true {
            let answers = try pending.wait()
            let full = answers[0].count == Self.pageSize
            if full, let last = answers[0].last {
                pending = session.send(pageQueries(from: try last.cell(Int(table.position), Int64.self) + 1, limit: Self.pageSize))
            }
            let rows = try page(answers)
            guard !rows.isEmpty else { return }
            try body(rows, try decoder(for: rows))
            guard full else { return }
        }
    }

    public func event(at position: Int64) throws(LedgerError) -> StoredEvent {
        guard let event = try events(from: position, limit: 1).first, event.position == position else {
            throw LedgerError(.noSuchEvent, "\(url): there is no event at position \(position)")
        }
        return event
    }

    /// Up to `limit` events from `position` on, payloads decompressed.
    func events(from position: Int64, limit: Int64) throws(LedgerError) -> [StoredEvent] {
        let rows = try page(session.queries(pageQueries(from: position, limit: limit)))
        return try rows.map(decoder(for: rows).decode)
    }

    /// The queries of a page: up to `limit` rows of `events` from `position` on, then the rows of
    /// each index table up to the page's last event, so that all can be sent at once.
    private func pageQueries(from position: Int64, limit: Int64) -> [(sql: String, binds: PostgresBindings)] {
        let range = binds(.integer(Int(position)), .integer(Int(limit)))
        let page = "SELECT position FROM events WHERE position >= $1 ORDER BY position LIMIT $2"
        return [("SELECT \(table.columnList) FROM events WHERE position >= $1 ORDER BY position LIMIT $2", range)]
            + eventDescription.indexTables.map { index in
                let keys = index.columns.map(\.name).joined(separator: ", ")
                return ("SELECT position, \(keys) FROM \(index.name) WHERE position >= $1 "
                    + "AND position <= (SELECT max(position) FROM (\(page)) AS page) ORDER BY position, \(keys)", range)
            }
    }

    /// The rows of `events` the answers of ``pageQueries(from:limit:)`` hold, each with its index rows.
    private func page(_ answers: [[PostgresRandomAccessRow]]) throws(LedgerError) -> [(PostgresRandomAccessRow, EventMetadata)] {
        let rows = answers[0]
        var related: [Int64: EventMetadata] = [:]
        for (number, index) in eventDescription.indexTables.enumerated() {
            var flat: [Int64: [MetadataValue]] = [:]
            for row in answers[number + 1] {
                let owner = try row.cell(0, Int64.self)
                for (offset, column) in index.columns.enumerated() {
                    if let value = try row.value(offset + 1, column.type) { flat[owner, default: []].append(value) }
                }
            }
            for (owner, values) in flat { related[owner, default: EventMetadata()].setFlatRows(values, ofIndexTable: number) }
        }
        return try rows.map { (row) throws(LedgerError) in
            (row, related[try row.cell(Int(table.position), Int64.self)] ?? EventMetadata())
        }
    }

    /// A decoder of `rows`, with every dictionary they were compressed with (read from the
    /// log when one is new to this store).
    func decoder(for rows: [(PostgresRandomAccessRow, EventMetadata)]) throws(LedgerError) -> RowDecoder {
        var ids = Set<Int64>()
        for (row, _) in rows {
            if let id = try row.optional(Int(table.dictionaryID), Int64.self) { ids.insert(id) }
        }
        if !ids.isSubset(of: dictionaryCache.keys) { _ = try dictionaries() }
        return RowDecoder(table: table, url: url, dictionaries: dictionaryCache)
    }

    public func positions(withIdentity identity: [MetadataValue?]) throws(LedgerError) -> [Int64] {
        let policy = eventDescription.identity
        let columns = (policy.required + policy.optional).map { eventDescription.columns[$0].name }
        var number = 0
        let condition = zip(columns, identity).map { column, value in
            guard value != nil else { return "\(column) IS NULL" }
            number += 1
            return "\(column) = $\(number)"
        }.joined(separator: " AND ")
        return try positions(
            "SELECT position FROM events WHERE \(condition) ORDER BY position", binds(identity.compactMap { $0 }))
    }

    public func positions(
        in table: IndexTable, matching key: [(column: String, value: MetadataValue)]
    ) throws(LedgerError) -> [Int64] {
        precondition(key.allSatisfy { part in table.columns.contains { $0.name == part.column } }, "no such key column")
        let condition = key.isEmpty ? "" : " WHERE " + key.enumerated().map { "\($1.column) = $\($0 + 1)" }.joined(separator: " AND ")
        return try positions("SELECT DISTINCT position FROM \(table.name)\(condition) ORDER BY position", binds(key.map(\.value)))
    }

    public func positions(where key: [(column: String, value: MetadataValue)]) throws(LedgerError) -> [Int64] {
        let known = Set(eventDescription.columns.map(\.name))
        guard !key.isEmpty, key.allSatisfy({ known.contains($0.column) }) else {
            throw LedgerError(.server, "\(url): no metadata column named \(key.map(\.column).filter { !known.contains($0) })")
        }
        let condition = key.enumerated().map { "\($1.column) = $\($0 + 1)" }.joined(separator: " AND ")
        return try positions("SELECT position FROM events WHERE \(condition) ORDER BY position", binds(key.map(\.value)))
    }

    private func positions(_ sql: String, _ values: PostgresBindings) throws(LedgerError) -> [Int64] {
        try session.query(sql, values).map { (row) throws(LedgerError) in try row.cell(0, Int64.self) }
    }

    // MARK: Dictionaries

    func dictionary(_ id: Int64) throws(LedgerError) -> CompressionDictionary {
        if let cached = dictionaryCache[id] { return cached }
        for dictionary in try dictionaries() where dictionary.id == id { return dictionary }
        throw LedgerError(.corrupt, "\(url): compression dictionary \(id) is missing")
    }

    public func dictionaries() throws(LedgerError) -> [CompressionDictionary] {
        try session.query("SELECT id, soort, versie, bytes FROM dictionaries ORDER BY id").map { (row) throws(LedgerError) in
            let id = try row.cell(0, Int64.self)
            if let cached = dictionaryCache[id] { return cached }
            let dictionary = CompressionDictionary(
                id: id, soort: try row.cell(1, String.self), versie: Int(try row.cell(2, Int32.self)), bytes: try row.bytes(3))
            dictionaryCache[id] = dictionary
            return dictionary
        }
    }

    /// Trains under a lock of its own (not the append lock), so the writers that need a
    /// dictionary at once wait for the first to train it while appends go on.
    public func dictionary(
        for soort: String, trainedBy train: () throws(LedgerError) -> [UInt8]?
    ) throws(LedgerError) -> CompressionDictionary? {
        let id = try session.transaction { () throws(LedgerError) -> Int64? in
            try session.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.dictionaryLock))")
            if let existing = try session.query(
                "SELECT id FROM dictionaries WHERE soort = $1 ORDER BY versie DESC LIMIT 1", binds(.text(soort))).first {
                return try existing.cell(0, Int64.self)
            }
            guard let bytes = try train() else { return nil }
            return try session.query(
                "INSERT INTO dictionaries (soort, versie, bytes, created_at) VALUES ($1, 1, $2, $3) RETURNING id",
                binds(.text(soort), .blob(bytes), .text(Timestamp.now())))[0].cell(0, Int64.self)
        }
        return try id.map { id throws(LedgerError) in try dictionary(id) }
    }

    public func samples(soort: String, limit: Int) throws(LedgerError) -> [[UInt8]] {
        guard let family = eventDescription.familyValues(soort) else { return [] }
        let condition = eventDescription.family.enumerated()
            .map { "\(eventDescription.columns[$1].name) = $\($0 + 1)" }.joined(separator: " AND ")
        let rows = try session.query(
            "SELECT dictionary_id, raw_size, payload FROM events WHERE \(condition) ORDER BY position DESC "
                + "LIMIT $\(family.count + 1)", binds(family + [.integer(limit)]))
        var result: [[UInt8]] = []
        for row in rows.reversed() {
            let dictionary = try row.optional(0, Int64.self).map { id throws(LedgerError) in try self.dictionary(id) }
            let size = Int(try row.cell(1, Int64.self))
            let payload = try row.bytes(2).withUnsafeBytes { PayloadCodec.decompress($0, originalSize: size, dictionary: dictionary) }
            if let payload { result.append(payload) }
        }
        return result
    }

    /// Calls `appended` on another thread whenever a writer commits an append (each append
    /// notifies the log's channel), until this store is gone: a read model can follow the log
    /// without polling it. Notifications are not queued while nobody listens, so a follower
    /// catches up once after it starts listening.
    public func onAppend(_ appended: @Sendable @escaping () -> Void) throws(LedgerError) {
        try session.listen(on: PostgresSchema.channel, appended)
    }

    // MARK: Audit

    public func merkleNode(level: Int, index: Int64) throws(LedgerError) -> Digest? {
        guard level >= merkleFloor else {
            return try MerkleHash.node(level: level, index: index) { (first, last) throws(LedgerError) in
                try contentHashes(from: first, through: last)
            }
        }
        return try session.query(
            "SELECT hash FROM merkle_nodes WHERE level = $1 AND idx = $2", binds(.integer(level), .integer(Int(index)))
        ).first.map { (row) throws(LedgerError) in Digest(bytes: try row.bytes(0)) ?? .genesis }
    }

    /// The content hashes of the events from position `first` through `last`, in log order.
    private func contentHashes(from first: Int64, through last: Int64) throws(LedgerError) -> [Digest] {
        try session.query(
            "SELECT content_hash FROM events WHERE position BETWEEN $1 AND $2 ORDER BY position",
            binds(.integer(Int(first)), .integer(Int(last)))
        ).map { (row) throws(LedgerError) in Digest(bytes: try row.bytes(0)) ?? .genesis }
    }

    public func ledgerID() throws(LedgerError) -> String {
        guard let row = try session.query("SELECT value FROM ledger_info WHERE key = 'ledger_id'").first else {
            throw LedgerError(.corrupt, "\(url): the ledger has no id")
        }
        return try row.cell(0, String.self)
    }

    public func recordCheckpoint(treeSize: Int64, note: String) throws(LedgerError) {
        try session.query(
            "INSERT INTO checkpoints (tree_size, note, created_at) VALUES ($1, $2, $3)",
            binds(.integer(Int(treeSize)), .text(note), .text(Timestamp.now())))
    }

    public func checkpoints() throws(LedgerError) -> [(treeSize: Int64, note: String, createdAt: String)] {
        try session.query("SELECT tree_size, note, created_at FROM checkpoints ORDER BY id").map { (row) throws(LedgerError) in
            (try row.cell(0, Int64.self), try row.cell(1, String.self), try row.cell(2, String.self))
        }
    }
}
