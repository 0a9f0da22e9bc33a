import Audit
import BenchmarkSupport
import Kenmerken
import Ledger

/// What the audit proofs cost: keeping the Merkle tree at append, and making proofs from it.
enum AuditFigures {
    /// Seconds to build the tree over every event of the ledger at `path`, as appends build it:
    /// the tree is dropped (the file turned back into format 1) and the ledger opened for writing,
    /// which adds the leaves and every node they complete, in one transaction (every level, as for
    /// a ledger from before format 4: an upper bound of what a new ledger's appends spend on it).
    static func treeSeconds(_ path: String) throws -> Double {
        do {
            let store = try SQLiteStore(path: path, access: .write)
            try store.connection.execute("""
                DROP TABLE merkle_nodes; DROP TABLE checkpoints; DELETE FROM ledger_info WHERE key IN ('ledger_id', 'merkle_floor');
                UPDATE ledger_info SET value = '1' WHERE key = 'format_version';
                """)
        }
        let clock = Stopwatch()
        let store = try SQLiteStore(path: path, access: .write)
        let seconds = clock.seconds
        guard store.formatVersion >= 2, try store.merkleNode(level: 0, index: 0) != nil else {
            throw BenchmarkError("the tree of \(path) was not rebuilt")
        }
        return seconds
    }

    /// A ledger of `count` small events (no XML: the tree and its proofs depend only on the number
    /// of events), appended in batches of 10,000 as ingest appends; for proof times at a size the
    /// message corpus does not reach.
    static func syntheticLedger(events count: Int, at path: String) throws {
        let ledger = try Ledger(path: path, access: .createIfMissing)
        for start in stride(from: 0, to: count, by: 10_000) {
            let batch = (start..<min(start + 10_000, count)).map { index in
                NewEvent(kind: .contract, payload: Array("<event n=\"\(index)\"/>".utf8), metadata: EventMetadata(),
                         source: nil)
            }
            _ = try ledger.append(batch)
        }
    }

    /// Mean microseconds of an inclusion proof of a random position in the whole log, and of a
    /// consistency proof between two random sizes, over `count` of each.
    static func proofMicroseconds(_ path: String, count: Int = 2000) throws -> (inclusion: Double, consistency: Double) {
        let tree = try LogProofs(store: try SQLiteStore(path: path, access: .read)).tree
        var random = SystemRandomNumberGenerator()
        var paths = 0
        let inclusionClock = Stopwatch()
        for _ in 0..<count {
            paths += try tree.inclusionProof(leaf: Int64.random(in: 0..<tree.size, using: &random), size: tree.size).count
        }
        let inclusion = inclusionClock.seconds
        let consistencyClock = Stopwatch()
        for _ in 0..<count {
            let old = Int64.random(in: 1...tree.size, using: &random)
            paths += try tree.consistencyProof(from: old, to: Int64.random(in: old...tree.size, using: &random)).count
        }
        let consistency = consistencyClock.seconds
        guard paths > 0 else { throw BenchmarkError("no proof had any hash") }
        return (inclusion * 1e6 / Double(count), consistency * 1e6 / Double(count))
    }
}
