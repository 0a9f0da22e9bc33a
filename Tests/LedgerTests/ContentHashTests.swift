import Kenmerken
import Ledger
import TestSupport
import Testing

/// From format 6 an SQLite ledger keeps no content hash beside the payload: the hash is the
/// SHA-256 of the payload, computed when asked, and the chain link covers it as before. Duplicates,
/// conflicts, the Merkle tree and `verify` work from the payload; a ledger of an older format goes
/// on keeping the hash.
@Suite("The content hash computed from the payload (format 6)")
struct ContentHashTests {
    /// A new ledger of twenty 301s: the Merkle tree stores its node at level 4 over events 1 to 16.
    private func ledger(in directory: WorkDirectory) throws -> (path: String, ledger: Ledger) {
        let path = directory.path("l.sqlite")
        let ledger = try Ledger(path: path, access: .createIfMissing)
        _ = try ledger.append(try Examples.toewijzingen(20))
        return (path, ledger)
    }

    @Test func aNewLedgerKeepsNoHashAndComputesItFromThePayload() throws {
        let directory = try WorkDirectory()
        let (path, _) = try ledger(in: directory)
        #expect(try RawSQL(path).integers("SELECT count(*) FROM events WHERE content_hash IS NOT NULL") == [0])
        #expect(try RawSQL(path).integers("SELECT \"notnull\" FROM pragma_table_info('events') WHERE name = 'content_hash'") == [0])
        var events: [StoredEvent] = []
        try Ledger(path: path, access: .read).forEachEvent { events.append($0) }
        #expect(events.count == 20 && events.allSatisfy { $0.knownContentHash == nil })
        #expect(events.map(\.contentHash) == events.map { Digest(of: $0.payload) })
        #expect(try Ledger(path: path, access: .read).verify().isIntact)
    }

    /// The same bytes again are duplicates and other bytes under a known identity a conflict: the
    /// append compares with the hash of the stored, decompressed payload.
    @Test func duplicatesAndConflictsAreFoundByTheStoredPayload() throws {
        let directory = try WorkDirectory()
        let (path, ledger) = try ledger(in: directory)
        let again = try Examples.toewijzingen(3)
        #expect(try ledger.append(again) == [.duplicate(of: 1), .duplicate(of: 2), .duplicate(of: 3)])
        let changed = NewEvent(kind: .bericht, payload: again[1].payload + [10], metadata: again[1].metadata, source: nil)
        #expect(try ledger.append([changed]) == [.conflict(position: 21, earlier: 2)])
        #expect(try Ledger(path: path, access: .read).verify().isIntact)
    }

    /// A node below the stored floor is computed from the payloads' hashes, and the stored node
    /// above it is the root of those same leaves.
    @Test func theMerkleTreeIsBuiltOnTheHashesOfThePayloads() throws {
        let directory = try WorkDirectory()
        let (path, _) = try ledger(in: directory)
        let store = try SQLiteStore(path: path, access: .read)
        var leaves: [Digest] = []
        try Ledger(path: path, access: .read).forEachEvent {
            leaves.append(MerkleHash.leaf(ofEventWithContentHash: Digest(of: $0.payload)))
        }
        #expect(try store.merkleNode(level: 2, index: 1) == MerkleHash.root(ofCompleteSubtree: Array(leaves[4..<8])))
        #expect(try store.merkleNode(level: 4, index: 0) == MerkleHash.root(ofCompleteSubtree: Array(leaves[0..<16])))
    }

    /// A hash written into a row behind the ledger's back is checked against the payload; a
    /// changed payload breaks the chain link at its own position.
    @Test func aHashOrPayloadChangedBehindTheLedgersBackIsFound() throws {
        let directory = try WorkDirectory()
        let (path, _) = try ledger(in: directory)
        let dropTriggers = "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;"
        try RawSQL(path).run(dropTriggers + "UPDATE events SET content_hash = zeroblob(32) WHERE position = 5;")
        #expect(try Ledger(path: path, access: .read).verify().problems.first { $0.position != nil }
            == .init(position: 5, reason: "the stored message was changed"))
        try RawSQL(path).run(
            "UPDATE events SET content_hash = NULL WHERE position = 5;"
                + "UPDATE events SET payload = CAST(substr(payload, 1, 40) || X'00' || substr(payload, 42) AS BLOB) WHERE position = 7;")
        #expect(try Ledger(path: path, access: .read).verify().problems.first { $0.position != nil }?.position == 7)
    }

    /// A ledger of format 4 keeps the hash of every event it takes, as its column is NOT NULL.
    @Test func anOlderLedgerGoesOnKeepingTheHash() throws {
        let directory = try WorkDirectory()
        let path = try copyOf(StoredFormLedgerTests.fixture, in: directory)
        let ledger = try Ledger(path: path, access: .write)
        var changed = try ledger.event(at: 2)
        #expect(changed.knownContentHash == Digest(of: changed.payload))
        changed.metadata.identificatie = "NIEUW"
        #expect(try ledger.append([NewEvent(kind: .bericht, payload: changed.payload, metadata: changed.metadata, source: nil)])
            == [.appended(38)])
        #expect(try RawSQL(path).integers("SELECT count(*) FROM events WHERE content_hash IS NULL") == [0])
        #expect(try Ledger(path: path, access: .read).event(at: 38).knownContentHash == Digest(of: changed.payload))
    }
}
