import Foundation
import Kenmerken
import Ledger
import TestSupport
import Testing

/// The log's Merkle tree as the store keeps it: added by every append, rebuilt and compared by
/// `verify`, added to a format-1 ledger on its first write.
@Suite("The Merkle tree of the log")
struct MerkleLogTests {
    /// A ledger of `aantal` 301s appended in batches of 5, and its store.
    private func ledger(in directory: WorkDirectory, aantal: Int = 23) throws -> (path: String, ledger: Ledger) {
        let path = directory.path("l.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing)
        for start in stride(from: 0, to: aantal, by: 5) {
            _ = try ledger.append(try Examples.toewijzingen(min(5, aantal - start), from: start))
        }
        return (path, ledger)
    }

    private func store(_ ledger: Ledger) -> SQLiteStore { ledger.store as! SQLiteStore }

    /// MTH of the leaves, from the RFC's recursive definition over the messages' own hashes.
    private static func mth(_ leaves: ArraySlice<Digest>) -> Digest {
        guard leaves.count > 1 else { return leaves.first ?? MerkleHash.empty }
        var k = 1
        while k << 1 < leaves.count { k <<= 1 }
        return MerkleHash.node(mth(leaves.prefix(k)), mth(leaves.dropFirst(k)))
    }

    /// The complete subtrees are exactly the roots of the aligned power-of-two ranges of the leaves
    /// made from each message's bytes, and nothing more; a new ledger stores those of 16 leaves
    /// and more, and works out the smaller ones from the events.
    @Test func everyAppendAddsTheNodesItCompletes() throws {
        let directory = try WorkDirectory()
        let (path, ledger) = try ledger(in: directory)
        var leaves: [Digest] = []
        try ledger.forEachEvent { leaves.append(MerkleHash.leaf(Digest(of: $0.payload).bytes)) }
        #expect(leaves.count == 23)
        var count = 0
        for level in 0...5 {
            let width = 1 << level
            for index in 0..<(leaves.count / width) {
                let expected = Self.mth(leaves[(index * width)..<((index + 1) * width)])
                #expect(try store(ledger).merkleNode(level: level, index: Int64(index)) == expected, "node \(index)@\(level)")
                count += 1
            }
            #expect(try store(ledger).merkleNode(level: level, index: Int64(leaves.count / width)) == nil)
        }
        #expect(count == 2 * 23 - 23.nonzeroBitCount)
        #expect(try RawSQL(path).integers("SELECT level FROM merkle_nodes") == [4])
        #expect(try Ledger(path: path, access: .read).verify().isIntact)
        #expect(try store(ledger).ledgerID().count == 32)
    }

    /// The problems beside the removed triggers (which verify reports too).
    private func problems(_ path: String) throws -> [VerificationReport.Problem] {
        try Ledger(path: path, access: .read).verify().problems.filter { !$0.reason.hasPrefix("the immutability trigger") }
    }

    private static let dropTreeTriggers = "DROP TRIGGER merkle_nodes_no_update; DROP TRIGGER merkle_nodes_no_delete;"

    @Test func aChangedNodeIsFound() throws {
        let directory = try WorkDirectory()
        let (path, _) = try ledger(in: directory)
        #expect(throws: RawSQL.Failure.self) { try RawSQL(path).run("UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0") }
        try RawSQL(path).run(Self.dropTreeTriggers + "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = 0")
        #expect(try problems(path) == [.init(position: 16, reason: "the Merkle tree does not match the log (node 0 at level 4)")])
    }

    @Test func anExtraOrMissingNodeIsFound() throws {
        let directory = try WorkDirectory()
        let (path, _) = try ledger(in: directory)
        try RawSQL(path).run(Self.dropTreeTriggers + "INSERT INTO merkle_nodes VALUES (9, 0, zeroblob(32))")
        #expect(try problems(path) == [.init(position: nil, reason: "the Merkle tree holds 2 nodes, not 1")])
        try RawSQL(path).run("DELETE FROM merkle_nodes WHERE level = 9; DELETE FROM merkle_nodes WHERE level = 4 AND idx = 0")
        #expect(try problems(path) == [.init(position: 16, reason: "the Merkle tree does not match the log (node 0 at level 4)")])
    }

    /// A ledger made before the tree existed (format 1) is read as it is and gets its tree, equal
    /// to one built append by append, the first time it is opened for writing; like every ledger
    /// from before format 4 it goes on storing every level of it.
    /// (The ledger of format 4 in the fixtures, made a format-1 one: a ledger of format 5 keeps its
    /// values in a form a format-1 ledger did not.)
    @Test func aFormat1LedgerGetsItsTreeOnTheFirstWrite() throws {
        let directory = try WorkDirectory()
        let path = try copyOf(StoredFormLedgerTests.fixture, in: directory)
        let ledger = try Ledger(path: path, access: .read)
        var nodes: [Digest?] = []
        for index in 0..<37 { nodes.append(try store(ledger).merkleNode(level: 0, index: Int64(index))) }
        let root4 = try store(ledger).merkleNode(level: 4, index: 0)
        try RawSQL(path).run("""
            DROP TABLE merkle_nodes; DROP TABLE checkpoints;
            DELETE FROM ledger_info WHERE key IN ('ledger_id', 'merkle_floor');
            UPDATE ledger_info SET value = '1' WHERE key = 'format_version';
            """)
        let oud = try Ledger(path: path, access: .read)
        #expect(try oud.verify().isIntact, "a format-1 ledger verifies without a tree")
        #expect(throws: LedgerError.self) { try (oud.store as! SQLiteStore).merkleNode(level: 0, index: 0) }

        let geschreven = try Ledger(path: path, access: .write)
        let upgraded = store(geschreven)
        #expect(upgraded.formatVersion == 4)
        #expect(try RawSQL(path).integers("SELECT count(*) FROM merkle_nodes") == [Int64(2 * 37 - 37.nonzeroBitCount)])
        #expect(try (0..<37).map { try upgraded.merkleNode(level: 0, index: Int64($0)) } == nodes)
        #expect(try upgraded.merkleNode(level: 4, index: 0) == root4)
        _ = try geschreven.append(try Examples.toewijzingen(2, from: 23))
        #expect(try geschreven.verify().isIntact)
        #expect(try upgraded.merkleNode(level: 0, index: 38) != nil)
        #expect(try RawSQL(path).integers("SELECT count(*) FROM merkle_nodes WHERE level = 0") == [39])
    }

    @Test func checkpointsAreKeptAppendOnly() throws {
        let directory = try WorkDirectory()
        let (path, ledger) = try ledger(in: directory, aantal: 3)
        try store(ledger).recordCheckpoint(treeSize: 3, note: "zorgledger/x\n3\nAAAA\n\n— x y\n")
        #expect(try store(ledger).checkpoints().map(\.treeSize) == [3])
        #expect(throws: RawSQL.Failure.self) { try RawSQL(path).run("DELETE FROM checkpoints") }
    }
}
