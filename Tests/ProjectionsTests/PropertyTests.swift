import Generator
import Projection
import TestSupport
import Testing

/// The fold is order-independent and incremental catch-up equals replay, on generated traffic.
@Suite struct PropertyTests {
    /// A few clients over some months: every message type, retours included, in seconds.
    static let berichten = Scenario(clients: 6, months: 5, seed: 42).berichten().map(\.bytes)

    @Test(arguments: [UInt64(1), 2, 3])
    func anyArrivalOrderGivesTheSameProjections(seed: UInt64) throws {
        let opVolgorde = try TestLedger()
        try opVolgorde.ingest(Self.berichten)
        var generator = SplitMix64(seed: seed)
        let geschud = try TestLedger()
        try geschud.ingest(Self.berichten.shuffled(using: &generator))
        let toestand = try opVolgorde.toestand()
        #expect(toestand.leeg.isEmpty, "nothing to compare in \(toestand.leeg)")
        #expect(try geschud.toestand() == toestand)
    }

    @Test func catchingUpAfterEveryMessageEqualsOneReplay() throws {
        let stapsgewijs = try TestLedger()
        for bericht in Self.berichten { try stapsgewijs.ingest([bericht]) }
        let ineens = try TestLedger()
        try ineens.append(Self.berichten)
        try TestLedger.runner.replay(ledgerPath: ineens.path)
        #expect(try stapsgewijs.toestand().leeg.isEmpty)
        #expect(try stapsgewijs.dump() == ineens.dump())
        #expect(try TestLedger.runner.verify(ledgerPath: stapsgewijs.path).isEmpty)
    }

    @Test func replayingTwiceGivesIdenticalTables() throws {
        let ledger = try TestLedger()
        try ledger.ingest(Self.berichten)
        let eerst = try ledger.dump()
        try TestLedger.runner.replay(ledgerPath: ledger.path)
        let tweede = try ledger.dump()
        try TestLedger.runner.replay(ledgerPath: ledger.path)
        #expect(eerst == tweede)
        #expect(try ledger.dump() == tweede)
        #expect(eerst["zorg_starts"]?.isEmpty == false)
        #expect(eerst["declaraties_prestaties"]?.isEmpty == false)
    }
}
