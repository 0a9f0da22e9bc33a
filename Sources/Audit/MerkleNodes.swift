public import Ledger

/// Where a log keeps its tree: the root of every complete subtree, so that any root or proof of
/// any size costs O(log n) reads and no rebuild. Node (`level`, `index`) is the root of the
/// 2^level leaves from `index` · 2^level on; level 0 holds the leaf hashes.
public protocol MerkleNodes {
    /// The stored node; it exists for every complete subtree of the leaves appended so far.
    func hash(level: Int, index: Int64) throws -> Digest
}
