import Berichten
import Ledger
import Projection
import Zorg
import TestSupport
import Testing

/// The runner's machinery: a batch applied as appended, version bumps rebuild, verify notices tampering.
@Suite struct ProjectionRunnerTests {
    @Test func aBatchIsAppliedAsAppendedWithoutReadingTheLogBack() throws {
        let berichten = PropertyTests.berichten
        let ledger = try TestLedger(log: .geheugen)
        let store = try #require(ledger.ledger.store as? InMemoryStore)
        try ledger.ingest(Array(berichten[..<10]))
        try ledger.ingest(Array(berichten[..<20]))
        #expect(store.eventsRead == 0)
        // Events no catch-up has seen are read from the log, once.
        try ledger.append(Array(berichten[20..<30]))
        try ledger.catchUp()
        #expect(store.eventsRead == 10)
        #expect(try ledger.verify().isEmpty)
    }

    @Test func aChangedVersionRebuildsOnTheNextCatchUp() throws {
        let ledger = try TestLedger()
        try ledger.ingest([ZorgTests.start])
        let voor = try ledger.dump()
        try ledger.writer().execute("UPDATE projection_checkpoints SET version = 0 WHERE name = 'zorg'; DELETE FROM zorg_starts")
        #expect(try ledger.zorg().isEmpty)
        try TestLedger.runner.catchUp(ledgerPath: ledger.path)
        #expect(try ledger.dump() == voor)
    }

    /// A rebuild drops what an earlier version made as what it is: the exchange state's messages
    /// were a table before they became a view over compact facts, and a retired table goes.
    @Test func aRebuildReplacesATableThatBecameAViewAndDropsRetiredTables() throws {
        let ledger = try TestLedger()
        try ledger.ingest([ToewijzingenTests.eerste, ZorgTests.start])
        let feiten = { () throws in try ledger.dump().filter { $0.key != "projection_checkpoints" } }
        let voor = try feiten()
        try ledger.writer().execute(
            """
            DROP VIEW uitwisseling_berichten;
            CREATE TABLE uitwisseling_berichten (positie INTEGER PRIMARY KEY, dagtekening TEXT);
            CREATE TABLE opgeruimd_oud (positie INTEGER PRIMARY KEY);
            UPDATE projection_checkpoints SET version = 0 WHERE name = 'uitwisseling';
            """)
        try ProjectionRunner(projections: TestLedger.runner.projections + [Opgeruimd()]).catchUp(ledgerPath: ledger.path)
        #expect(try feiten() == voor)
        let schema = try ledger.connection.rows(
            "SELECT type FROM sqlite_master WHERE name IN ('uitwisseling_berichten', 'opgeruimd_oud')"
        ) { $0.string(0) }
        #expect(schema == ["view"])
        #expect(try ledger.verify().isEmpty)
    }

    /// The indexes a fold does not read are created after it: by a first catch-up, a replay and a
    /// rebuild after a version bump alike, so every way of building a projection leaves them.
    @Test func everyRebuildLeavesTheIndexesItCreatesAfterItsFold() throws {
        let ledger = try TestLedger()
        let names = { () throws -> Set<String> in
            Set(try ledger.writer().rows("SELECT name FROM sqlite_master WHERE type = 'index'") { $0.string(0) })
        }
        let deferred = Set(TestLedger.runner.projections.flatMap { projection in
            projection.indexes.matches(of: /CREATE INDEX (\w+)/).map { String($0.output.1) }
        })
        #expect(deferred.isSuperset(of: ["zorg_starts_bsn", "declaraties_prestaties_referentie", "uitwisseling_koppeling_retour"]))
        try ledger.ingest([ToewijzingenTests.eerste, ZorgTests.start])
        #expect(try names().isSuperset(of: deferred))
        try ledger.replay()
        #expect(try names().isSuperset(of: deferred))
        try ledger.writer().execute("UPDATE projection_checkpoints SET version = 0 WHERE name = 'zorg'")
        try TestLedger.runner.catchUp(ledgerPath: ledger.path)
        #expect(try names().isSuperset(of: deferred))
        #expect(try ledger.verify().isEmpty)
    }

    /// A projection whose earlier version kept a table this one no longer has.
    private struct Opgeruimd: Projection {
        let name = "opgeruimd"
        let version = 2
        let tables = ""
        let views = ""
        let tableNames: [String] = []
        let viewNames: [String] = []
        let retiredNames = ["opgeruimd_oud"]

        func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {}
    }

    @Test func verifyFindsAChangedProjectionRow() throws {
        let ledger = try TestLedger()
        try ledger.ingest([ToewijzingenTests.eerste, ZorgTests.start])
        #expect(try TestLedger.runner.verify(ledgerPath: ledger.path).isEmpty)
        try ledger.writer().execute("UPDATE toewijzingen_versies SET einddatum = coalesce(einddatum, 0) + 1")
        let problemen = try TestLedger.runner.verify(ledgerPath: ledger.path)
        #expect(problemen.count == 1)
        #expect(problemen.first?.contains("toewijzingen_versies") == true)
    }
}
