/// The Merkle tree (RFC 9162) of the log in one SQLite file: the root of every complete subtree
/// from level `floor` up in `merkle_nodes`, node (level, idx) covering leaves idx·2^level to
/// (idx+1)·2^level − 1. The append that adds leaves adds the nodes they complete in the same
/// transaction, so any root or proof of any size costs O(log n) reads and never a rebuild; a node
/// below the floor is computed from the 2^level content hashes of its events.
struct MerkleLog {
    let connection: SQLiteConnection
    /// The lowest level stored.
    let floor: Int
    /// The content hash of an event from its row of ``EventTable/contentHashColumns`` (the
    /// store's, which decompresses a payload whose hash the row does not keep).
    let contentHash: (SQLiteStatement) throws(LedgerError) -> Digest
    private let select: SQLiteStatement
    private let insert: SQLiteStatement
    private let selectContentHashes: SQLiteStatement

    /// Prepares the statements once, for every read and append through this value.
    init(
        connection: SQLiteConnection, floor: Int, contentHash: @escaping (SQLiteStatement) throws(LedgerError) -> Digest
    ) throws(LedgerError) {
        self.connection = connection
        self.floor = floor
        self.contentHash = contentHash
        select = try connection.prepare("SELECT hash FROM merkle_nodes WHERE level = ?1 AND idx = ?2", persistent: true)
        insert = try connection.prepare("INSERT INTO merkle_nodes (level, idx, hash) VALUES (?1, ?2, ?3)", persistent: true)
        selectContentHashes = try connection.prepare(EventTable.selectContentHashes, persistent: true)
    }

    /// The node, or nil when that subtree is not complete (yet).
    func node(level: Int, index: Int64) throws(LedgerError) -> Digest? {
        guard level >= floor else {
            return try MerkleHash.node(level: level, index: index) { (first, last) throws(LedgerError) in
                try contentHashes(from: first, through: last)
            }
        }
        let statement = select
        statement.bind(1, Int64(level))
        statement.bind(2, index)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return Digest(bytes: statement.bytes(0))
    }

    /// Adds the leaves of events `start + 1`, `start + 2`, … with these content hashes.
    func append(after start: Int64, contentHashes: [Digest]) throws(LedgerError) {
        let nodes = try MerkleNode.appending(contentHashes, after: start) { (level, index) throws(LedgerError) -> Digest in
            guard let hash = try node(level: level, index: index) else {
                throw LedgerError(.corrupt, "\(connection.path): the Merkle tree lacks node \(index) at level \(level)")
            }
            return hash
        }
        for node in nodes where node.level >= floor {
            insert.bind(1, Int64(node.level))
            insert.bind(2, node.index)
            insert.bind(3, node.hash)
            defer { insert.reset() }
            _ = try insert.step()
        }
    }

    /// The content hashes of the events from position `first` through `last`, in log order.
    func contentHashes(from first: Int64, through last: Int64 = .max) throws(LedgerError) -> [Digest] {
        let statement = selectContentHashes
        statement.bind(1, first)
        statement.bind(2, last)
        defer { statement.reset() }
        var hashes: [Digest] = []
        while try statement.step() { hashes.append(try contentHash(statement)) }
        return hashes
    }

    /// Format 1 had no tree: its tables are added and the tree is built over every event already
    /// logged, in one transaction, the first time a zorgledger that knows format 2 writes. A
    /// format-1 ledger keeps every event's content hash.
    static func upgradeToFormat2(_ connection: SQLiteConnection) throws(LedgerError) {
        try SQLiteStore.upgrade(connection, from: 1) { () throws(LedgerError) in
            try connection.execute(Schema.upgradeToFormat2)
            let log = try MerkleLog(connection: connection, floor: 0) { row in Digest(bytes: row.bytes(1)) ?? .genesis }
            try log.append(after: 0, contentHashes: try log.contentHashes(from: 1))
        }
    }
}
