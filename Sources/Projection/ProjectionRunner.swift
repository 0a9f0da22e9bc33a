import Dispatch
public import Berichten
import Kenmerken
public import Ledger

/// Keeps projections in step with the log: catch-up from checkpoints, full replay, and a check
/// that the stored projections equal a fresh replay.
///
/// Every write happens in one transaction on the ledger's file, together with the checkpoints,
/// so a projection's rows and its checkpoint commit together (exactly-once) and WAL readers keep
/// seeing the previous state until the commit: nobody ever reads a half-built projection. During
/// an ingest the catch-up runs inside each batch's own transaction (see ``catchUp(store:)``), so
/// the projections are never behind the log, not even after a crash.
public struct ProjectionRunner: Sendable {
    public let projections: [any Projection]

    /// `projections` in dependency order: a projection's views may join the tables of any of them.
    public init(projections: [any Projection]) {
        self.projections = projections
    }

    /// Applies every event after each projection's checkpoint, reading and writing through the
    /// store's own connection. Inside an open transaction (an append's `beforeCommit`) it sees
    /// the events just written and commits with them. A projection that is missing or whose
    /// stored version differs from its code's version is rebuilt from position 1. Writes
    /// nothing when every projection is current.
    /// - returns: the position the projections now reflect.
    ///
    /// `decoded` holds messages the caller already decoded, by position (an ingest has just
    /// decoded its batch); the others are decoded from the log.
    @discardableResult
    public func catchUp(store: SQLiteStore, decoded: [Int64: Bericht] = [:]) throws(LedgerError) -> Int64 {
        let connection = store.connection
        return try connection.writeTransaction { () throws(LedgerError) -> Int64 in
            let head = try store.headPosition()
            let stored = try Checkpoint.stored(in: connection)
            let from = projections.map { projection in
                stored[projection.name].map { $0.version == projection.version ? $0.position : 0 } ?? 0
            }
            let stale = projections.filter { stored[$0.name]?.version != $0.version }
            guard !stale.isEmpty || (from.min() ?? head) < head else { return head }
            try connection.execute(Checkpoint.schema)
            try rebuildSchema(of: stale, in: connection)
            return try fold(reader: store, into: connection, after: from, decoded: decoded)
        }
    }

    /// Catches up the ledger at `ledgerPath` in a transaction of its own.
    @discardableResult
    public func catchUp(ledgerPath: String) throws(LedgerError) -> Int64 {
        try catchUp(store: SQLiteStore(path: ledgerPath, access: .write))
    }

    /// Rebuilds every projection from position 1: drop, create, fold, checkpoint, one commit.
    @discardableResult
    public func replay(ledgerPath: String) throws(LedgerError) -> Int64 {
        let store = try SQLiteStore(path: ledgerPath, access: .write)
        let connection = store.connection
        return try connection.writeTransaction { () throws(LedgerError) -> Int64 in
            try connection.execute(Checkpoint.schema)
            try rebuildSchema(of: projections, in: connection)
            return try fold(reader: store, into: connection, after: projections.map { _ in 0 })
        }
    }

    /// Compares the stored projections with a fresh replay built in a temporary database.
    ///
    /// The log head, the checkpoints and the stored rows are all read in one transaction of the
    /// temporary database with the ledger attached, so an ingest running meanwhile cannot make
    /// them disagree; events are immutable, so folding them through another connection up to
    /// that head gives the same replay.
    /// - returns: one line per difference; empty when they are equal.
    public func verify(ledgerPath: String) throws(LedgerError) -> [String] {
        let reader = try SQLiteStore(path: ledgerPath, access: .read)
        // An empty path makes SQLite use a private temporary file, deleted on close. Its schema is
        // built before the ledger is attached, so no unqualified DROP can reach the ledger.
        let fresh = try SQLiteConnection(path: "", mode: .readWriteCreate)
        try rebuildSchema(of: projections, in: fresh)
        try fresh.execute("ATTACH DATABASE '\(ledgerPath.replacing("'", with: "''"))' AS stored")
        return try fresh.readTransaction { () throws(LedgerError) -> [String] in
            let head = try Self.integer("SELECT coalesce(max(position), 0) FROM stored.events", in: fresh)
            let hasCheckpoints = try Self.integer(
                "SELECT count(*) FROM stored.sqlite_master WHERE name = 'projection_checkpoints'", in: fresh) > 0
            guard hasCheckpoints else {
                return head == 0 ? [] : ["the ledger has no projections yet; run `zorgledger replay`"]
            }
            let stored = try Checkpoint.all(in: fresh, schema: "stored")
            var problems: [String] = []
            for projection in projections {
                guard let checkpoint = stored[projection.name] else {
                    problems.append("projection \(projection.name) is missing; run `zorgledger replay`")
                    continue
                }
                if checkpoint.version != projection.version {
                    problems.append("projection \(projection.name) has version \(checkpoint.version), this zorgledger "
                        + "builds version \(projection.version); run `zorgledger replay`")
                } else if checkpoint.position != head {
                    problems.append("projection \(projection.name) reflects position \(checkpoint.position) of "
                        + "\(head); run `zorgledger replay`")
                }
            }
            guard problems.isEmpty else { return problems }
            try fold(reader: reader, into: fresh, after: projections.map { _ in 0 }, through: head, checkpoint: false)
            for projection in projections {
                for table in projection.tableNames {
                    let count = try Self.integer(
                        """
                        SELECT (SELECT count(*) FROM (SELECT * FROM main.\(table) EXCEPT SELECT * FROM stored.\(table)))
                             + (SELECT count(*) FROM (SELECT * FROM stored.\(table) EXCEPT SELECT * FROM main.\(table)))
                        """, in: fresh)
                    if count > 0 {
                        problems.append("projection table \(table) differs from a fresh replay in \(count) row(s); "
                            + "run `zorgledger replay`")
                    }
                }
            }
            return problems
        }
    }

    private static func integer(_ sql: String, in connection: SQLiteConnection) throws(LedgerError) -> Int64 {
        let statement = try connection.prepare(sql)
        try statement.step()
        return statement.int64(0)
    }

    /// Drops and creates the tables and views of `stale`, in an order that lets views join any table.
    private func rebuildSchema(of stale: [any Projection], in connection: SQLiteConnection) throws(LedgerError) {
        for projection in stale {
            for view in projection.viewNames { try connection.execute("DROP VIEW IF EXISTS \(view)") }
        }
        for projection in stale {
            for table in projection.tableNames { try connection.execute("DROP TABLE IF EXISTS \(table)") }
            try connection.execute(projection.tables)
        }
        for projection in stale { try connection.execute(projection.views) }
    }

    /// Folds the events after `after[i]` into projection `i`, decoding each event once, and
    /// writes the checkpoints. - returns: the last position read.
    @discardableResult
    private func fold(
        reader: any EventStore, into connection: SQLiteConnection, after: [Int64], through last: Int64 = .max,
        checkpoint: Bool = true, decoded: [Int64: Bericht] = [:]
    ) throws(LedgerError) -> Int64 {
        let database = ProjectionDatabase(connection: connection)
        var position = after.min() ?? 0
        // Events are folded in chunks: a chunk's messages are decoded on all cores, then applied
        // in log order by this thread, which alone writes to the database.
        var chunk: [StoredEvent] = []
        chunk.reserveCapacity(Self.chunkSize)
        func apply() throws(LedgerError) {
            let berichten = Self.decode(chunk, known: decoded)
            for (event, bericht) in zip(chunk, berichten) {
                for (projection, checkpoint) in zip(projections, after) where event.position > checkpoint {
                    try projection.apply(event, bericht, to: database)
                }
                position = event.position
            }
            chunk.removeAll(keepingCapacity: true)
        }
        try reader.forEachEvent(from: position + 1) { (event) throws(LedgerError) in
            guard event.position <= last else { return }
            chunk.append(event)
            if chunk.count == Self.chunkSize { try apply() }
        }
        try apply()
        if checkpoint {
            for (projection, from) in zip(projections, after) {
                try Checkpoint(name: projection.name, version: projection.version, position: max(from, position))
                    .save(in: database)
            }
        }
        return position
    }

    private static let chunkSize = 512

    /// The messages of `events`, decoded on all cores unless `known` has them already; nil for
    /// events that are no messages or no longer decode (their metadata is then all there is).
    private static func decode(_ events: [StoredEvent], known: [Int64: Bericht]) -> [Bericht?] {
        let results = UnsafeMutableBufferPointer<Bericht?>.allocate(capacity: events.count)
        defer { results.deallocate() }
        // Each iteration initializes its own slot only, so the unsynchronized writes never overlap.
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: events.count) { index in
            let event = events[index]
            let bericht = event.kind == .bericht
                ? known[event.position] ?? (try? BerichtDecoder.decode(event.payload)) : nil
            (output.baseAddress! + index).initialize(to: bericht)
        }
        let array = Array(results)
        _ = results.deinitialize()
        return array
    }
}
