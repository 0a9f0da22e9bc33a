public import Ledger

/// Where a log keeps its tree: the root of every complete subtree, so that any root or proof of
/// any size costs O(log n) reads and no rebuild. Node (`level`, `index`) is the root of the
/// 2^level leaves from `index` · 2^level on; level 0 holds the leaf hashes.
public protocol MerkleNodes {
    /// The stored node; it exists for every complete subtree of the leaves appended so far.
    func hash(level: Int, index: Int64) throws -> Digest
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
    public static func completed(
        byLeaf leaf: Digest, at index: Int64, left: (_ level: Int, _ index: Int64) throws -> Digest
    ) rethrows -> [MerkleNode] {
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
