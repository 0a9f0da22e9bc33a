public import Ledger
import PostgresNIO

/// Appending: writers on many machines take turns under one advisory lock, and each does as
/// much as it can before its turn. Before the lock, what the log already holds of the batch is
/// looked up and the rows are bound as far as they do not depend on where the batch lands. Under
/// it, two round trips: one that takes the lock and reads the head, the right edge of the Merkle
/// tree and what the events appended since hold of the batch; one statement that writes the
/// events with their positions, conflict marks and chain links, their index rows, the Merkle
/// nodes and the new head.
extension PostgresStore {
    public func append(_ batch: [PreparedEvent], beforeCommit: BeforeCommit) throws(LedgerError) -> [AppendOutcome] {
        let recordedAt = Timestamp.now()
        return try session.transaction { () throws(LedgerError) -> [AppendOutcome] in
            let seen = try head()
            var known = Known(eventDescription: eventDescription)
            try known.lookUp(batch, in: session, after: 0, through: seen.position)
            let expected = try AppendPlan(
                batch, after: seen, recordedAt: recordedAt, eventDescription: eventDescription, lookups: known.lookups)
            var rows = PendingRows(batch, writing: expected.writtenIndices, recordedAt: recordedAt, table: table)

            // The statements after the lock's run when it is taken, each (READ COMMITTED) seeing
            // every append committed before; no other append commits until this one does.
            let lookups = known.statements(for: batch, after: seen.position, through: .max)
            let lock = "SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))"
            let answers = try session.queries(
                [(lock, PostgresBindings()), (Self.headAndEdge, PostgresBindings()), tailBelowFloor]
                    + lookups.map { ($0.sql, $0.binds) })
            for (lookup, found) in zip(lookups, answers.dropFirst(3)) { try known.add(found, of: lookup.kind) }
            let (head, storedEdge) = try Self.headAndEdge(answers[1])
            let edge = try edgeBelowFloor(head: head.position, tail: answers[2]).merging(storedEdge) { computed, _ in computed }
            // Nothing appended since the head seen before the lock: the plan made then holds.
            let plan = head.position == seen.position ? expected : try AppendPlan(
                batch, after: head, recordedAt: recordedAt, eventDescription: eventDescription, lookups: known.lookups)
            guard let last = plan.written.last else {
                try beforeCommit(plan.outcomes, [])
                return plan.outcomes
            }
            if !Set(plan.writtenIndices).isSubset(of: rows.indices) {
                // Events appended meanwhile changed which of the batch is written (a rare race
                // between deliveries and identities): bind the rows again, for what is written.
                rows = PendingRows(batch, writing: plan.writtenIndices, recordedAt: recordedAt, table: table)
            }
            rows.place(plan)
            let nodes = try MerkleNode.appending(plan.written.map(\.contentHash), after: head.position) {
                (level, index) throws(LedgerError) -> Digest in
                if let node = edge[level], node.index == index { return node.hash }
                throw LedgerError(.corrupt, "\(url): the Merkle tree lacks node \(index) at level \(level)")
            }
            rows.add(nodes.filter { $0.level >= merkleFloor })
            rows.addHead(last, recordedAt: recordedAt)
            let newHead = rows.insert.bind(String(last.position))
            try session.query(
                rows.insert.sql(then: "SELECT pg_notify('\(PostgresSchema.channel)', \(newHead))"), rows.insert.bindings)
            try beforeCommit(plan.outcomes, plan.written)
            return plan.outcomes
        }
    }

    /// The content hashes of the events after the last position that is a multiple of 2^floor:
    /// the leaves of the right edge's nodes below the floor, which are not stored.
    private var tailBelowFloor: (String, PostgresBindings) {
        let width = 1 << merkleFloor
        return (
            """
            SELECT content_hash FROM events
            WHERE position > (SELECT coalesce(max(position), 0) FROM events) / \(width) * \(width) ORDER BY position
            """, PostgresBindings()
        )
    }

    /// The nodes of the right edge below the floor, from `tail` (``tailBelowFloor``): at each such
    /// level where the head has a 1 bit, the perfect subtree that ends at the head's multiple of
    /// that level's width.
    private func edgeBelowFloor(
        head: Int64, tail: [PostgresRandomAccessRow]
    ) throws(LedgerError) -> [Int: (index: Int64, hash: Digest)] {
        let contentHashes = try tail.map { (row) throws(LedgerError) in Digest(bytes: try row.bytes(0)) ?? .genesis }
        // `tail` holds the events after the last multiple of 2^floor, `base`.
        let base = head - head % (Int64(1) << merkleFloor)
        guard contentHashes.count == Int(head - base) else {
            throw LedgerError(.corrupt, "\(url): the events after position \(base) are not all there")
        }
        var edge: [Int: (index: Int64, hash: Digest)] = [:]
        for level in 0..<merkleFloor where (head >> level) & 1 == 1 {
            let index = (head >> level) - 1
            let node = MerkleHash.node(level: level, index: index) { first, last in
                Array(contentHashes[Int(first - base - 1)...Int(last - base - 1)])
            }
            edge[level] = node.map { (index, $0) }
        }
        return edge
    }

    /// The head (position and chain link), then the nodes of the Merkle tree's right edge: the
    /// roots of its perfect subtrees, which the next leaves pair with. No row for an empty log.
    private static let headAndEdge = """
        WITH head AS (SELECT position, chain_hash FROM events ORDER BY position DESC LIMIT 1)
        SELECT head.position, head.chain_hash, m.level, m.idx, m.hash FROM head
        LEFT JOIN LATERAL generate_series(0, 62) AS edge (level) ON (head.position >> edge.level) & 1 = 1
        LEFT JOIN merkle_nodes m ON m.level = edge.level AND m.idx = (head.position >> edge.level) - 1
        """

    private static func headAndEdge(
        _ rows: [PostgresRandomAccessRow]
    ) throws(LedgerError) -> (head: (position: Int64, chainHash: Digest), edge: [Int: (index: Int64, hash: Digest)]) {
        guard let first = rows.first else { return ((0, .genesis), [:]) }
        var edge: [Int: (index: Int64, hash: Digest)] = [:]
        for row in rows {
            guard let level = try row.optional(2, Int32.self) else { continue }
            edge[Int(level)] = (try row.cell(3, Int64.self), Digest(bytes: try row.bytes(4)) ?? .genesis)
        }
        return ((try first.cell(0, Int64.self), Digest(bytes: try first.bytes(1)) ?? .genesis), edge)
    }

    /// The statement that writes a batch, bound as far as it can be before the batch's place in
    /// the log is known: every column of the events expected to be written but their positions,
    /// conflict marks and chain links, and their index rows by their number among them.
    private struct PendingRows {
        /// Which events of the batch the rows are for, in batch order.
        let indices: [Int]
        var insert = ArrayInsert()
        private let table: EventTable
        private var columns: [(name: String, column: ArrayInsert.Column)] = []
        /// Per index table: the row's event, by its number among `indices` (from 1), and its key.
        private var indexRows: [(ordinal: ArrayInsert.Column, keys: [(name: String, column: ArrayInsert.Column)])?] = []

        init(_ batch: [PreparedEvent], writing indices: [Int], recordedAt: String, table: EventTable) {
            self.indices = indices
            self.table = table
            let events = indices.map { batch[$0] }
            bind(table.kind, events.map { .text($0.kind.rawValue) }, of: .text)
            bind(table.recordedAt, events.map { .text($0.recordedAt ?? recordedAt) }, of: .text)
            bind(table.source, events.map { $0.source.map { .text($0) } }, of: .text)
            for (index, column) in table.eventDescription.columns.enumerated() {
                columns.append((column.name, insert.bind(events.map { $0.metadata[index] }, of: column.type)))
            }
            bind(table.dictionaryID, events.map { $0.dictionaryID.map { .integer(Int($0)) } }, of: .integer)
            bind(table.rawSize, events.map { .integer($0.rawSize) }, of: .integer)
            bind(table.payload, events.map { .blob($0.compressed) }, of: .blob)
            bind(table.contentHash, events.map { .blob($0.contentHash.bytes) }, of: .blob)
            for (number, index) in table.eventDescription.indexTables.enumerated() {
                var ordinals: [MetadataValue?] = []
                var keys: [[MetadataValue?]] = index.columns.map { _ in [] }
                for (ordinal, event) in events.enumerated() {
                    event.metadata.forEachRow(ofIndexTable: number, width: index.columns.count) { key in
                        ordinals.append(.integer(ordinal + 1))
                        for (column, value) in key.enumerated() { keys[column].append(value) }
                    }
                }
                guard !ordinals.isEmpty else {
                    indexRows.append(nil)
                    continue
                }
                let ordinal = insert.bind(ordinals, of: .integer)
                indexRows.append((ordinal, zip(index.columns, keys).map { column, values in
                    (column.name, insert.bind(values, of: column.type))
                }))
            }
        }

        private mutating func bind(_ column: Int32, _ values: [MetadataValue?], of type: MetadataColumn.ValueType) {
            columns.append((table.columns[Int(column)].name, insert.bind(values, of: type)))
        }

        /// Adds what `plan` decided: the events it writes get their positions, conflict marks and
        /// chain links, and every index row its event's position; the rows of events it does not
        /// write (found since to be duplicates) have position 0 and are left out.
        mutating func place(_ plan: AppendPlan) {
            var slot: [Int: Int] = [:]
            for (offset, index) in indices.enumerated() { slot[index] = offset }
            var positions = [MetadataValue?](repeating: .integer(0), count: indices.count)
            var conflicts = [MetadataValue?](repeating: nil, count: indices.count)
            var links = [MetadataValue?](repeating: .blob([]), count: indices.count)
            for (index, event) in zip(plan.writtenIndices, plan.written) {
                let offset = slot[index]!
                positions[offset] = .integer(Int(event.position))
                conflicts[offset] = event.conflictOf.map { .integer(Int($0)) }
                links[offset] = .blob(event.chainHash.bytes)
            }
            let position = insert.bind(positions, of: .integer)
            bind(table.conflictOf, conflicts, of: .integer)
            bind(table.chainHash, links, of: .blob)
            insert.insert(
                into: "events", columns + [(table.columns[Int(table.position)].name, position)],
                where: "\(position.value) <> 0")
            for (index, rows) in zip(table.eventDescription.indexTables, indexRows) {
                guard let rows else { continue }
                var owner = rows.ordinal
                owner.value = "(\(position.array))[\(rows.ordinal.value)]"
                insert.insert(into: index.name, [("position", owner)] + rows.keys, where: "\(owner.value) <> 0")
            }
        }

        mutating func add(_ nodes: [MerkleNode]) {
            insert.insert(into: "merkle_nodes", [
                ("level", insert.bind(nodes.map { .integer($0.level) }, of: .integer)),
                ("idx", insert.bind(nodes.map { .integer(Int($0.index)) }, of: .integer)),
                ("hash", insert.bind(nodes.map { .blob($0.hash.bytes) }, of: .blob)),
            ])
        }

        /// The head the append reaches, a new row of `appends`.
        mutating func addHead(_ last: StoredEvent, recordedAt: String) {
            insert.insert(into: "appends", [
                ("head_position", insert.bind([.integer(Int(last.position))], of: .integer)),
                ("head_hash", insert.bind([.blob(last.chainHash.bytes)], of: .blob)),
                ("recorded_at", insert.bind([.text(recordedAt)], of: .text)),
            ])
        }
    }

    /// What the log holds of a batch's deliveries and identities, read in one query each rather
    /// than two per event (each a round trip to the server): first up to the head seen before the
    /// lock, then, under it, for the events appended after that head.
    private struct Known {
        let eventDescription: EventDescription
        var deliveries: [MetadataValue: Int64] = [:]
        var identities: [[MetadataValue?]: [(position: Int64, contentHash: Digest)]] = [:]

        enum Kind { case delivery, identity }

        /// The queries for what the events after position `after` up to `through` hold of
        /// `batch`'s deliveries and identities. Successive ranges follow each other, so every
        /// list stays oldest first.
        func statements(
            for batch: [PreparedEvent], after: Int64, through: Int64
        ) -> [(kind: Kind, sql: String, binds: PostgresBindings)] {
            let policy = eventDescription.identity
            let name = { (column: Int) in eventDescription.columns[column].name }
            var statements: [(kind: Kind, sql: String, binds: PostgresBindings)] = []
            if let column = policy.delivery {
                let values = Array(Set(batch.compactMap { $0.metadata[column] }))
                let type = eventDescription.columns[column].type
                if !values.isEmpty {
                    var arrays = PostgresBindings()
                    arrays.append(array: values, of: type)
                    arrays.append(after)
                    arrays.append(through)
                    statements.append((.delivery,
                        "SELECT \(name(column)), position FROM events WHERE \(name(column)) = ANY($1::\(type.postgres)[]) "
                            + "AND position > $2 AND position <= $3 ORDER BY position", arrays))
                }
            }
            let keys = Array(Set(batch.compactMap { policy.identity(of: $0.metadata).map { Array($0.prefix(policy.required.count)) } }))
            guard !keys.isEmpty else { return statements }
            // The required columns are set in every identity, so each is one array without NULLs.
            var arrays = PostgresBindings()
            for (offset, column) in policy.required.enumerated() {
                arrays.append(array: keys.map { $0[offset]! }, of: eventDescription.columns[column].type)
            }
            arrays.append(after)
            arrays.append(through)
            let unnest = policy.required.enumerated()
                .map { "$\($0 + 1)::\(eventDescription.columns[$1].type.postgres)[]" }.joined(separator: ", ")
            let range = "position > $\(policy.required.count + 1) AND position <= $\(policy.required.count + 2)"
            statements.append((.identity,
                "SELECT position, content_hash, \((policy.required + policy.optional).map(name).joined(separator: ", ")) "
                    + "FROM events WHERE (\(policy.required.map(name).joined(separator: ", "))) "
                    + "IN (SELECT * FROM unnest(\(unnest))) AND \(range) ORDER BY position", arrays))
            return statements
        }

        /// Adds the rows a query of ``statements(for:after:through:)`` returned.
        mutating func add(_ rows: [PostgresRandomAccessRow], of kind: Kind) throws(LedgerError) {
            let policy = eventDescription.identity
            switch kind {
            case .delivery:
                guard let column = policy.delivery else { return }
                for row in rows {
                    let value = try row.value(0, eventDescription.columns[column].type)
                    if let value, deliveries[value] == nil { deliveries[value] = try row.cell(1, Int64.self) }
                }
            case .identity:
                for row in rows {
                    var identity: [MetadataValue?] = []
                    for (offset, column) in (policy.required + policy.optional).enumerated() {
                        identity.append(try row.value(2 + offset, eventDescription.columns[column].type))
                    }
                    identities[identity, default: []].append(
                        (try row.cell(0, Int64.self), Digest(bytes: try row.bytes(1)) ?? .genesis))
                }
            }
        }

        mutating func lookUp(
            _ batch: [PreparedEvent], in session: PostgresSession, after: Int64, through: Int64
        ) throws(LedgerError) {
            let statements = statements(for: batch, after: after, through: through)
            for (statement, rows) in zip(statements, try session.queries(statements.map { ($0.sql, $0.binds) })) {
                try add(rows, of: statement.kind)
            }
        }

        var lookups: AppendPlan.Lookups {
            let deliveries = deliveries
            let identities = identities
            return AppendPlan.Lookups(
                delivery: { (value) throws(LedgerError) in deliveries[value] },
                identity: { (identity) throws(LedgerError) in identities[identity] ?? [] })
        }
    }
}
