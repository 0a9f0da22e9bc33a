public import Ledger

/// Roots and proofs of RFC 9162 §2.1 over a log's stored nodes. Every range the RFC's recursion
/// needs is split into complete subtrees, whose roots are read, never recomputed from leaves.
public struct MerkleTree<Nodes: MerkleNodes> {
    public let nodes: Nodes
    /// How many leaves the log holds; no root or proof is given for a larger tree.
    public let size: Int64

    public init(nodes: Nodes, size: Int64) {
        self.nodes = nodes
        self.size = size
    }

    /// MTH(D[0:n]), the root of the first `n` leaves.
    public func root(size n: Int64) throws(AuditError) -> Digest {
        guard (0...size).contains(n) else { throw .treeSizeOutOfRange(n, size: size) }
        return n == 0 ? MerkleHash.empty : try hash(0, n)
    }

    /// PATH(m, D[0:n]) of RFC 9162 §2.1.3.1: the audit path of leaf `m` in the tree of `n` leaves,
    /// from the leaf's sibling up.
    public func inclusionProof(leaf m: Int64, size n: Int64) throws(AuditError) -> [Digest] {
        guard (1...size).contains(n) else { throw .treeSizeOutOfRange(n, size: size) }
        guard (0..<n).contains(m) else { throw .leafOutOfRange(m, size: n) }
        var path: [Digest] = []
        var (start, end, leaf) = (Int64(0), n, m)
        while end - start > 1 {
            let k = Self.split(end - start)
            if leaf < k {
                path.append(try hash(start + k, end))
                end = start + k
            } else {
                path.append(try hash(start, start + k))
                start += k
                leaf -= k
            }
        }
        return path.reversed()
    }

    /// PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: what shows that the tree of `m` leaves is a prefix
    /// of the tree of `n`. Empty when `m` is 0 or equals `n`.
    public func consistencyProof(from m: Int64, to n: Int64) throws(AuditError) -> [Digest] {
        guard (0...size).contains(n) else { throw .treeSizeOutOfRange(n, size: size) }
        guard (0...n).contains(m) else { throw .treeSizeOutOfRange(m, size: n) }
        guard m > 0, m < n else { return [] }
        var proof: [Digest] = []
        try subproof(m, 0, n, complete: true, into: &proof)
        return proof
    }

    /// SUBPROOF(m, D[start:end], b), appending in the RFC's order (deepest first).
    private func subproof(_ m: Int64, _ start: Int64, _ end: Int64, complete: Bool, into proof: inout [Digest])
        throws(AuditError)
    {
        let n = end - start
        if m == n {
            if !complete { proof.append(try hash(start, end)) }
            return
        }
        let k = Self.split(n)
        if m <= k {
            try subproof(m, start, start + k, complete: complete, into: &proof)
            proof.append(try hash(start + k, end))
        } else {
            try subproof(m - k, start + k, end, complete: false, into: &proof)
            proof.append(try hash(start, start + k))
        }
    }

    /// MTH(D[start:end]): a stored node when the range is a complete, aligned subtree, otherwise
    /// the hash of its two halves split as the RFC splits them.
    func hash(_ start: Int64, _ end: Int64) throws(AuditError) -> Digest {
        let count = end - start
        if count & (count - 1) == 0 && start % count == 0 {
            let level = count.trailingZeroBitCount
            do {
                return try nodes.hash(level: level, index: start >> level)
            } catch {
                throw .missingNode(level: level, index: start >> level)
            }
        }
        let k = Self.split(count)
        return MerkleHash.node(try hash(start, start + k), try hash(start + k, end))
    }

    /// The largest power of two smaller than `n` (n > 1).
    static func split(_ n: Int64) -> Int64 {
        Int64(1) << (63 - (n - 1).leadingZeroBitCount)
    }
}
