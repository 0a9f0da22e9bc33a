/// The log's Merkle tree and the checkpoints issued, as the audit proofs read them.
extension SQLiteStore: AuditedStore {
    /// The stored root of the complete subtree (`level`, `index`), or nil when it does not exist (yet).
    public func merkleNode(level: Int, index: Int64) throws(LedgerError) -> Digest? {
        try requireTree()
        return try merkleLog().node(level: level, index: index)
    }

    /// The ledger's own stable id, the origin of its checkpoints (`zorgledger/ID`).
    public func ledgerID() throws(LedgerError) -> String {
        try requireTree()
        let statement = try connection.prepare("SELECT value FROM ledger_info WHERE key = 'ledger_id'")
        guard try statement.step() else { throw LedgerError(.corrupt, "\(connection.path): the ledger has no id") }
        return statement.string(0)
    }

    /// Keeps a checkpoint that was issued, append-only like the events.
    public func recordCheckpoint(treeSize: Int64, note: String) throws(LedgerError) {
        try requireTree()
        let recordedAt = Timestamp.now()
        try connection.writeTransaction { () throws(LedgerError) in
            let statement = try connection.prepare(
                "INSERT INTO checkpoints (tree_size, note, created_at) VALUES (?1, ?2, ?3)")
            statement.bind(1, treeSize)
            statement.bind(2, note)
            statement.bind(3, recordedAt)
            _ = try statement.step()
        }
    }

    /// Every checkpoint issued, oldest first.
    public func checkpoints() throws(LedgerError) -> [(treeSize: Int64, note: String, createdAt: String)] {
        try requireTree()
        let statement = try connection.prepare("SELECT tree_size, note, created_at FROM checkpoints ORDER BY id")
        var result: [(treeSize: Int64, note: String, createdAt: String)] = []
        while try statement.step() { result.append((statement.int64(0), statement.string(1), statement.string(2))) }
        return result
    }

    private func requireTree() throws(LedgerError) {
        guard formatVersion >= 2 else {
            throw LedgerError(
                .newerFormat, "\(connection.path): this ledger (format 1) has no Merkle tree yet; the next ingest adds it")
        }
    }
}
