public import Ledger

/// The stored tree of a SQLite ledger, read node by node.
extension SQLiteStore: MerkleNodes {
    public func hash(level: Int, index: Int64) throws -> Digest {
        guard let hash = try merkleNode(level: level, index: index) else {
            throw AuditError.missingNode(level: level, index: index)
        }
        return hash
    }
}

/// Checkpoints and proofs of one ledger: the log as a tree, its origin, and signed checkpoints
/// that are kept in the ledger once issued.
public struct LogProofs {
    public let store: SQLiteStore
    /// The tree of the whole log as it is now.
    public let tree: MerkleTree<SQLiteStore>
    /// `zorgledger/` and the ledger's own id, whatever the key's name.
    public let origin: String

    public init(store: SQLiteStore) throws(LedgerError) {
        self.store = store
        tree = MerkleTree(nodes: store, size: try store.headPosition())
        origin = "zorgledger/" + (try store.ledgerID())
    }

    /// A checkpoint of the whole log signed by `key`, kept in the ledger (so that a later
    /// consistency proof can be given against it).
    public func checkpoint(signedBy key: NoteSigningKey) throws -> SignedNote {
        let punt = Checkpoint(origin: origin, size: tree.size, root: try tree.root(size: tree.size))
        let note = try SignedNote(signing: punt.text, with: key)
        try store.recordCheckpoint(treeSize: punt.size, note: note.encoded)
        return note
    }
}
