import Generator
import Projection
import TestSupport
import Testing

/// The fold is order-independent and incremental catch-up equals replay, on generated traffic,
/// with the log in SQLite, in memory and on PostgreSQL: the projections do not depend on the store.
@Suite struct PropertyTests {
    /// A few clients over some months: every message type, retours included, in seconds.
    static let berichten = Scenario(clients: 6, months: 5, seed: 42).berichten().map(\.bytes)

    @Test(arguments: [UInt64(1), 2, 3], TestLedger.Log.available)
    func anyArrivalOrderGivesTheSameProjections(seed: UInt64, log: TestLedger.Log) throws {
        let opVolgorde = try TestLedger(log: log)
        try opVolgorde.ingest(Self.berichten)
        var generator = SplitMix64(seed: seed)
        let geschud = try TestLedger(log: log)
        try geschud.ingest(Self.berichten.shuffled(using: &generator))
        let toestand = try opVolgorde.toestand()
        #expect(toestand.leeg.isEmpty, "nothing to compare in \(toestand.leeg)")
        #expect(try geschud.toestand() == toestand)
    }

    @Test(arguments: TestLedger.Log.available)
    func catchingUpAfterEveryMessageEqualsOneReplay(log: TestLedger.Log) throws {
        let stapsgewijs = try TestLedger(log: log)
        for bericht in Self.berichten { try stapsgewijs.ingest([bericht]) }
        let ineens = try TestLedger(log: log)
        try ineens.append(Self.berichten)
        try ineens.replay()
        #expect(try stapsgewijs.toestand().leeg.isEmpty)
        #expect(try stapsgewijs.dump() == ineens.dump())
        #expect(try stapsgewijs.verify().isEmpty)
    }

    /// A batch that repeats messages already in the log, after events no catch-up has seen yet:
    /// the catch-up reads those from the log, skips the duplicates and applies the rest as given.
    @Test(arguments: TestLedger.Log.available)
    func aBatchAfterUnfoldedEventsAndWithDuplicatesEqualsOneReplay(log: TestLedger.Log) throws {
        let helft = Self.berichten.count / 2
        let ledger = try TestLedger(log: log)
        try ledger.ingest(Array(Self.berichten[..<(helft / 2)]))
        try ledger.append(Array(Self.berichten[..<helft]))
        try ledger.ingest(Self.berichten)
        #expect(try ledger.verify().isEmpty)
        let ineens = try TestLedger(log: log)
        try ineens.append(Self.berichten)
        try ineens.replay()
        #expect(try ledger.dump() == ineens.dump())
    }

    @Test(arguments: TestLedger.Log.available)
    func replayingTwiceGivesIdenticalTables(log: TestLedger.Log) throws {
        let ledger = try TestLedger(log: log)
        try ledger.ingest(Self.berichten)
        let eerst = try ledger.dump()
        try ledger.replay()
        let tweede = try ledger.dump()
        try ledger.replay()
        #expect(eerst == tweede)
        #expect(try ledger.dump() == tweede)
        #expect(eerst["zorg_starts"]?.isEmpty == false)
        #expect(eerst["declaraties_prestaties"]?.isEmpty == false)
    }
}
