/// The hashes of RFC 9162 §2.1.1: a leaf and an interior node are hashed with different one-byte
/// prefixes, so no leaf can pass for a node (second-preimage resistance).
public enum MerkleHash {
    /// The root of the tree of no leaves: SHA-256 of no bytes.
    public static let empty = Digest(of: [UInt8]())

    /// SHA-256(0x00 ‖ input). A ledger leaf's input is the 32-byte SHA-256 of the event's bytes.
    public static func leaf(_ input: [UInt8]) -> Digest { input.withUnsafeBytes(leaf) }

    static func leaf(_ input: UnsafeRawBufferPointer) -> Digest {
        var context = SHA256Context()
        context.update(byte: 0x00)
        context.update(input)
        return context.finish()
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: Digest, _ right: Digest) -> Digest {
        var context = SHA256Context()
        context.update(byte: 0x01)
        left.withUnsafeBytes { context.update($0) }
        right.withUnsafeBytes { context.update($0) }
        return context.finish()
    }

    /// The leaf of a ledger event: its input is the SHA-256 of the event's original bytes.
    public static func leaf(ofEventWithContentHash contentHash: Digest) -> Digest {
        contentHash.withUnsafeBytes(leaf)
    }

    /// The root of a complete subtree: `leaves` are its leaf hashes in order, a power of two of them.
    public static func root(ofCompleteSubtree leaves: [Digest]) -> Digest {
        precondition(leaves.count > 0 && leaves.count & (leaves.count - 1) == 0, "a complete subtree has 2^k leaves")
        var level = leaves
        while level.count > 1 {
            level = stride(from: 0, to: level.count, by: 2).map { node(level[$0], level[$0 + 1]) }
        }
        return level[0]
    }

    /// Node (`level`, `index`) worked out from the content hashes of its 2^level events (leaf i is
    /// position i + 1), which `contentHashes(first, last)` reads; nil while the subtree is not complete.
    /// How a store gives the nodes below the lowest level it keeps.
    package static func node<Failure: Error>(
        level: Int, index: Int64, contentHashes: (_ first: Int64, _ last: Int64) throws(Failure) -> [Digest]
    ) throws(Failure) -> Digest? {
        let width = Int64(1) << level
        let hashes = try contentHashes(index * width + 1, (index + 1) * width)
        guard hashes.count == width else { return nil }
        return root(ofCompleteSubtree: hashes.map(leaf(ofEventWithContentHash:)))
    }
}

/// A stored node, as the store writes it.
public struct MerkleNode: Sendable, Equatable {
    public var level: Int
    public var index: Int64
    public var hash: Digest

    public init(level: Int, index: Int64, hash: Digest) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}

extension MerkleNode {
    /// The nodes that appending the leaf `leaf` at `index` completes: the leaf itself, then every
    /// subtree it closes (its parent when it is a right child, and so on up). `left(level, index)`
    /// reads the left siblings, which were completed by earlier appends. One append writes two
    /// nodes on average.
    public static func completed<Failure: Error>(
        byLeaf leaf: Digest, at index: Int64, left: (_ level: Int, _ index: Int64) throws(Failure) -> Digest
    ) throws(Failure) -> [MerkleNode] {
        var nodes = [MerkleNode(level: 0, index: index, hash: leaf)]
        var level = 0
        var position = index
        var hash = leaf
        while position & 1 == 1 {
            hash = MerkleHash.node(try left(level, position - 1), hash)
            level += 1
            position >>= 1
            nodes.append(MerkleNode(level: level, index: position, hash: hash))
        }
        return nodes
    }
    /// The nodes that appending the leaves of events with `contentHashes` after the first `start`
    /// leaves completes, in the order they complete. A left sibling is almost always a node this
    /// call completed a moment ago, so the latest node of each level is kept at hand and only the
    /// rest is read with `stored`, from the tree as it was before.
    package static func appending<Failure: Error>(
        _ contentHashes: [Digest], after start: Int64, stored: (_ level: Int, _ index: Int64) throws(Failure) -> Digest
    ) throws(Failure) -> [MerkleNode] {
        var latest: [Int: (index: Int64, hash: Digest)] = [:]
        var nodes: [MerkleNode] = []
        nodes.reserveCapacity(contentHashes.count * 2 + 64)
        for (offset, contentHash) in contentHashes.enumerated() {
            let completed = try completed(
                byLeaf: MerkleHash.leaf(ofEventWithContentHash: contentHash), at: start + Int64(offset)
            ) { (level, sibling) throws(Failure) -> Digest in
                if let kept = latest[level], kept.index == sibling { return kept.hash }
                return try stored(level, sibling)
            }
            for node in completed { latest[node.level] = (node.index, node.hash) }
            nodes += completed
        }
        return nodes
    }
}
