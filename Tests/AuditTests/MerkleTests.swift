import Audit
import Ledger
import Testing

/// RFC 9162 §2.1: roots, inclusion and consistency proofs from stored nodes, checked against the
/// Certificate Transparency test vectors and against the RFC's recursive definitions.
@Suite struct MerkleTests {
    /// The leaves of the CT reference vectors (RFC 6962 test data), as raw leaf inputs.
    static let ctBladeren: [Digest] = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                       "606162636465666768696a6b6c6d6e6f"].map { hex in
        MerkleHash.leaf(stride(from: 0, to: hex.count, by: 2).map {
            UInt8(hex[hex.index(hex.startIndex, offsetBy: $0)..<hex.index(hex.startIndex, offsetBy: $0 + 2)], radix: 16)!
        })
    }

    /// MTH of the first 1…8 CT leaves, as published with the CT reference implementation.
    static let ctWortels = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    @Test func theCTReferenceVectors() throws {
        let boom = Boom(bladeren: Self.ctBladeren).boom
        #expect(try boom.root(size: 0).description == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        for (index, wortel) in Self.ctWortels.enumerated() {
            #expect(try boom.root(size: Int64(index + 1)).description == wortel, "size \(index + 1)")
        }
        #expect(try boom.inclusionProof(leaf: 5, size: 8).map(\.description) == [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ])
        #expect(try boom.consistencyProof(from: 3, to: 8).map(\.description) == [
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ])
    }

    static let bladeren = (0..<70).map { MerkleHash.leaf(Digest(of: [UInt8($0), 0x5A]).bytes) }

    /// Every leaf of every tree up to 70 leaves: the proof from stored nodes is the RFC's PATH,
    /// and it verifies; each of its hashes altered, it no longer does.
    @Test func everyInclusionProofUpTo70Leaves() throws {
        let boom = Boom(bladeren: Self.bladeren).boom
        for n in 1...70 {
            let wortel = try boom.root(size: Int64(n))
            #expect(wortel == Definitie.mth(Self.bladeren.prefix(n)), "root of \(n)")
            for m in 0..<n {
                let pad = try boom.inclusionProof(leaf: Int64(m), size: Int64(n))
                #expect(pad == Definitie.path(m, Self.bladeren.prefix(n)), "PATH(\(m), \(n))")
                #expect(MerkleProof.verifyInclusion(leaf: Self.bladeren[m], index: Int64(m), size: Int64(n), path: pad, root: wortel))
                #expect(!MerkleProof.verifyInclusion(leaf: Self.bladeren[(m + 1) % 70], index: Int64(m), size: Int64(n), path: pad, root: wortel))
                for i in pad.indices {
                    var vals = pad
                    vals[i] = Digest(of: [0xFF])
                    #expect(!MerkleProof.verifyInclusion(leaf: Self.bladeren[m], index: Int64(m), size: Int64(n), path: vals, root: wortel))
                }
                if !pad.isEmpty {
                    #expect(!MerkleProof.verifyInclusion(leaf: Self.bladeren[m], index: Int64(m), size: Int64(n), path: pad.dropLast(), root: wortel))
                }
                if m ^ 1 < n {
                    #expect(!MerkleProof.verifyInclusion(leaf: Self.bladeren[m], index: Int64(m ^ 1), size: Int64(n), path: pad, root: wortel))
                }
            }
        }
    }

    @Test func everyConsistencyProofUpTo70Leaves() throws {
        let boom = Boom(bladeren: Self.bladeren).boom
        for n in 1...70 {
            let nieuw = try boom.root(size: Int64(n))
            for m in 0...n {
                let oud = try boom.root(size: Int64(m))
                let bewijs = try boom.consistencyProof(from: Int64(m), to: Int64(n))
                #expect(bewijs == Definitie.proof(m, Self.bladeren.prefix(n)), "PROOF(\(m), \(n))")
                #expect(MerkleProof.verifyConsistency(oldSize: Int64(m), newSize: Int64(n), oldRoot: oud, newRoot: nieuw, proof: bewijs))
                guard m > 0, m < n else { continue }
                #expect(!MerkleProof.verifyConsistency(oldSize: Int64(m), newSize: Int64(n), oldRoot: nieuw, newRoot: nieuw, proof: bewijs))
                #expect(!MerkleProof.verifyConsistency(oldSize: Int64(m), newSize: Int64(n), oldRoot: oud, newRoot: oud, proof: bewijs))
                #expect(!MerkleProof.verifyConsistency(oldSize: Int64(m), newSize: Int64(n), oldRoot: oud, newRoot: nieuw, proof: []))
                for i in bewijs.indices {
                    var vals = bewijs
                    vals[i] = Digest(of: [0xFF])
                    #expect(!MerkleProof.verifyConsistency(oldSize: Int64(m), newSize: Int64(n), oldRoot: oud, newRoot: nieuw, proof: vals))
                }
            }
        }
    }

    @Test func sizesAndPositionsOutOfRangeAreErrors() throws {
        let boom = Boom(bladeren: Array(Self.bladeren.prefix(5))).boom
        #expect(throws: AuditError.treeSizeOutOfRange(6, size: 5)) { try boom.root(size: 6) }
        #expect(throws: AuditError.leafOutOfRange(5, size: 5)) { try boom.inclusionProof(leaf: 5, size: 5) }
        #expect(throws: AuditError.treeSizeOutOfRange(0, size: 5)) { try boom.inclusionProof(leaf: 0, size: 0) }
        #expect(throws: AuditError.treeSizeOutOfRange(4, size: 3)) { try boom.consistencyProof(from: 4, to: 3) }
        #expect(AuditError.leafOutOfRange(5, size: 5).description == "position 6 is not in a tree of 5 events")
    }

    /// A store that lost a node cannot give a proof that needs it, and says which node.
    @Test func aMissingNodeIsNamed() throws {
        let boom = MerkleTree(nodes: Boom(bladeren: Array(Self.bladeren.prefix(4))), size: 5)
        #expect(throws: AuditError.missingNode(level: 0, index: 4)) { try boom.root(size: 5) }
    }
}
