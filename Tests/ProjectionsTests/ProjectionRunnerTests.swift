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

    @Test func verifyFindsAChangedProjectionRow() throws {
        let ledger = try TestLedger()
        try ledger.ingest([ToewijzingenTests.eerste, ZorgTests.start])
        #expect(try TestLedger.runner.verify(ledgerPath: ledger.path).isEmpty)
        try ledger.writer().execute("UPDATE toewijzingen_versies SET einddatum = '2030-01-01'")
        let problemen = try TestLedger.runner.verify(ledgerPath: ledger.path)
        #expect(problemen.count == 1)
        #expect(problemen.first?.contains("toewijzingen_versies") == true)
    }
}
