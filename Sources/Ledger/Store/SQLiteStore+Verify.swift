extension SQLiteStore {
    /// Recomputes the whole chain from the stored rows and reports every event that does not fit;
    /// recomputes the Merkle tree from the stored messages too, and reports where it differs.
    ///
    /// Each link is checked against the stored link of its predecessor, so one tampered event
    /// is reported alone instead of making every later link fail. Runs in one read transaction:
    /// an ingest may go on meanwhile, and verify sees the log as it was when it started.
    public func verify(progress: (Int64) -> Void) throws(LedgerError) -> VerificationReport {
        try connection.readTransaction { () throws(LedgerError) -> VerificationReport in
            let present = try presentTriggers()
            let tables = Schema.immutableTables(eventDescription, format: formatVersion)
            let tree = formatVersion >= 2 ? try merkleLog() : nil
            var storedNode: ((Int, Int64) throws(LedgerError) -> Digest?)?
            if let tree {
                storedNode = { (level, index) throws(LedgerError) -> Digest? in try tree.node(level: level, index: index) }
            }
            var check = LogCheck(
                eventDescription: eventDescription,
                missingTriggers: Schema.triggerNames(tables).filter { !present.contains($0) }, storedNode: storedNode,
                floor: merkleFloor)
            let rows = try connection.prepare("SELECT \(table.columnList) FROM \(table.rows) ORDER BY position")
            let related = try RelatedRows(connection: connection, table: table, from: 1)
            while try rows.step() {
                let position = rows.int64(table.position)
                try check.check(position: position, storedLink: Digest(bytes: rows.bytes(table.chainHash)) ?? .genesis) {
                    () throws(LedgerError) -> StoredEvent in
                    try encodedRow(rows, metadata: related.metadata(for: position)).decoded()
                }
                if position % 10_000 == 0 { progress(position) }
            }
            return check.finish(storedNodes: tree == nil ? nil : try nodeCount(), recordedHead: try recordedHeadPosition())
        }
    }

    private func nodeCount() throws(LedgerError) -> Int64 {
        let statement = try connection.prepare("SELECT count(*) FROM merkle_nodes")
        _ = try statement.step()
        return statement.int64(0)
    }

    private func presentTriggers() throws(LedgerError) -> Set<String> {
        let statement = try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        var names = Set<String>()
        while try statement.step() { names.insert(statement.string(0)) }
        return names
    }

    private func recordedHeadPosition() throws(LedgerError) -> Int64 {
        let statement = try connection.prepare("SELECT value FROM ledger_info WHERE key = 'head_position'")
        guard try statement.step() else { return 0 }
        return Int64(statement.string(0)) ?? 0
    }
}
