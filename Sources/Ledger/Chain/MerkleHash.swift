/// The hashes of RFC 9162 §2.1.1: a leaf and an interior node are hashed with different one-byte
/// prefixes, so no leaf can pass for a node (second-preimage resistance).
public enum MerkleHash {
    /// The root of the tree of no leaves: SHA-256 of no bytes.
    public static let empty = Digest(of: [UInt8]())

    /// SHA-256(0x00 ‖ input). A ledger leaf's input is the 32-byte SHA-256 of the event's bytes.
    public static func leaf(_ input: [UInt8]) -> Digest {
        Digest(of: [0x00] + input)
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: Digest, _ right: Digest) -> Digest {
        var input = [UInt8]()
        input.reserveCapacity(65)
        input.append(0x01)
        input += left.bytes
        input += right.bytes
        return Digest(of: input)
    }

    /// The leaf of a ledger event: its input is the SHA-256 of the event's original bytes.
    public static func leaf(ofEventWithContentHash contentHash: Digest) -> Digest {
        leaf(contentHash.bytes)
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
}
