public import Ledger

/// The stored tree of a log, in SQLite or on PostgreSQL, read node by node.
public struct StoredTree: MerkleNodes {
    public let store: any AuditedStore

    public func hash(level: Int, index: Int64) throws -> Digest {
        guard let hash = try store.merkleNode(level: level, index: index) else {
            throw AuditError.missingNode(level: level, index: index)
        }
        return hash
    }
}

/// Checkpoints and proofs of one ledger: the log as a tree, its origin, and signed checkpoints
/// that are kept in the ledger once issued.
public struct LogProofs {
    public let store: any AuditedStore
    /// The tree of the whole log as it is now.
    public let tree: MerkleTree<StoredTree>
    /// `zorgledger/` and the ledger's own id, whatever the key's name.
    public let origin: String

    public init(store: any AuditedStore) throws(LedgerError) {
        self.store = store
        tree = MerkleTree(nodes: StoredTree(store: store), size: try store.headPosition())
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
