/// A store that keeps, beside the events, what audit proofs read: the log's Merkle tree node by
/// node, the log's own stable id, and every checkpoint issued. Both the SQLite file and the
/// PostgreSQL log are one; a store used only to fold projections need not be.
public protocol AuditedStore: EventStore {
    /// The stored root of the complete subtree (`level`, `index`), or nil when it does not exist (yet).
    func merkleNode(level: Int, index: Int64) throws(LedgerError) -> Digest?
    /// The log's own stable id, the origin of its checkpoints (`zorgledger/ID`).
    func ledgerID() throws(LedgerError) -> String
    /// Keeps a checkpoint that was issued, append-only like the events.
    func recordCheckpoint(treeSize: Int64, note: String) throws(LedgerError)
    /// Every checkpoint issued, oldest first.
    func checkpoints() throws(LedgerError) -> [(treeSize: Int64, note: String, createdAt: String)]
}
