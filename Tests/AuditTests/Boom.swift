import Audit
import Ledger

/// A log's tree kept in memory the way a store keeps it: each append stores the nodes it completes.
struct Boom: MerkleNodes {
    private(set) var opgeslagen: [[Int64: Digest]] = []
    private(set) var grootte: Int64 = 0

    init(bladeren: [Digest] = []) {
        for blad in bladeren { voegToe(blad) }
    }

    mutating func voegToe(_ blad: Digest) {
        let nieuw = MerkleNode.completed(byLeaf: blad, at: grootte) { niveau, index in opgeslagen[niveau][index]! }
        for knoop in nieuw {
            if opgeslagen.count <= knoop.level { opgeslagen.append([:]) }
            opgeslagen[knoop.level][knoop.index] = knoop.hash
        }
        grootte += 1
    }

    func hash(level: Int, index: Int64) throws -> Digest {
        guard level < opgeslagen.count, let hash = opgeslagen[level][index] else { throw Ontbreekt() }
        return hash
    }

    var boom: MerkleTree<Boom> { MerkleTree(nodes: self, size: grootte) }

    struct Ontbreekt: Error {}
}

/// RFC 9162 §2.1's definitions, written out recursively over the leaf hashes: slow, obviously
/// right, and sharing nothing with the stored-node code under test.
enum Definitie {
    static func k(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    static func mth(_ d: ArraySlice<Digest>) -> Digest {
        switch d.count {
        case 0: MerkleHash.empty
        case 1: d.first!
        default: MerkleHash.node(mth(d.prefix(k(d.count))), mth(d.dropFirst(k(d.count))))
        }
    }

    static func path(_ m: Int, _ d: ArraySlice<Digest>) -> [Digest] {
        guard d.count > 1 else { return [] }
        let k = k(d.count)
        return m < k
            ? path(m, d.prefix(k)) + [mth(d.dropFirst(k))]
            : path(m - k, d.dropFirst(k)) + [mth(d.prefix(k))]
    }

    static func proof(_ m: Int, _ d: ArraySlice<Digest>) -> [Digest] {
        m == 0 || m == d.count ? [] : subproof(m, d, true)
    }

    static func subproof(_ m: Int, _ d: ArraySlice<Digest>, _ b: Bool) -> [Digest] {
        if m == d.count { return b ? [] : [mth(d)] }
        let k = k(d.count)
        return m <= k
            ? subproof(m, d.prefix(k), b) + [mth(d.dropFirst(k))]
            : subproof(m - k, d.dropFirst(k), false) + [mth(d.prefix(k))]
    }
}

extension Digest {
    init(hex: String) {
        let bytes = stride(from: 0, to: hex.count, by: 2).map { i -> UInt8 in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
        self.init(bytes: bytes)!
    }
}
