public import Ledger

extension PostgresStore {
    /// Recomputes the chain and the Merkle tree from the stored rows, as the SQLite log's
    /// `verify` does (``LogCheck``), page by page, and checks that every append-only guard is
    /// still in place and enabled.
    ///
    /// The pages are read in one REPEATABLE READ transaction: writers may go on meanwhile, and
    /// verify sees the log as it was when it started.
    public func verify(progress: (Int64) -> Void) throws(LedgerError) -> VerificationReport {
        try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { _ = try? session.query("ROLLBACK") }
        let present = Set(try session.query("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
            .map { (row) throws(LedgerError) in try row.cell(0, String.self) })
        let guards = PostgresSchema.immutableTables(eventDescription).flatMap { PostgresSchema.triggerNames(of: $0).map(\.0) }
        var nodes: [NodeKey: Digest] = [:]
        var check = LogCheck(
            eventDescription: eventDescription, missingTriggers: guards.filter { !present.contains($0) },
            storedNode: { (level, index) throws(LedgerError) in nodes[NodeKey(level: level, index: index)] },
            floor: merkleFloor)
        var next: Int64 = 1
        try forEachPage(from: 1) { (page, decoder) throws(LedgerError) in
            let firstPosition = try page[0].0.cell(0, Int64.self)
            let lastPosition = try page[page.count - 1].0.cell(0, Int64.self)
            nodes = try completedNodes(leaves: (firstPosition - 1)...(lastPosition - 1))
            for (row, metadata) in page {
                let position = try row.cell(0, Int64.self)
                let storedLink = Digest(bytes: try row.bytes(Int(table.chainHash))) ?? .genesis
                try check.check(position: position, storedLink: storedLink) { () throws(LedgerError) -> StoredEvent in
                    try decoder.decode(row, metadata: metadata)
                }
                if position % 10_000 == 0 { progress(position) }
            }
            next = lastPosition + 1
        }
        let storedNodes = try session.query("SELECT count(*) FROM merkle_nodes")[0].cell(0, Int64.self)
        let recordedHead = try session.query("SELECT coalesce(max(head_position), 0) FROM appends")[0].cell(0, Int64.self)
        // Positions 1 to the last are all checked above, so an index row after it has no event.
        var stray: Int64 = 0
        for index in eventDescription.indexTables {
            stray += try session.query(
                "SELECT count(*) FROM \(index.name) WHERE position >= $1", binds(.integer(Int(next))))[0].cell(0, Int64.self)
        }
        return check.finish(storedNodes: storedNodes, recordedHead: recordedHead, strayIndexRows: stray)
    }

    struct NodeKey: Hashable {
        var level: Int
        var index: Int64
    }

    /// The stored nodes (from the floor up) that the leaves `leaves` (0-based) complete: node (l, i) is completed by
    /// leaf (i + 1)·2^l − 1, so each level contributes one range of its primary key.
    private func completedNodes(leaves: ClosedRange<Int64>) throws(LedgerError) -> [NodeKey: Digest] {
        var ranges: [String] = []
        var level = merkleFloor
        while (Int64(1) << level) <= leaves.upperBound + 1 {
            let low = (leaves.lowerBound + 1 + (Int64(1) << level) - 1) >> level - 1
            let high = (leaves.upperBound + 1) >> level - 1
            if low <= high { ranges.append("(level = \(level) AND idx BETWEEN \(low) AND \(high))") }
            level += 1
        }
        guard !ranges.isEmpty else { return [:] }
        var nodes: [NodeKey: Digest] = [:]
        for row in try session.query("SELECT level, idx, hash FROM merkle_nodes WHERE \(ranges.joined(separator: " OR "))") {
            let key = NodeKey(level: Int(try row.cell(0, Int32.self)), index: try row.cell(1, Int64.self))
            nodes[key] = Digest(bytes: try row.bytes(2)) ?? .genesis
        }
        return nodes
    }
}
