import Foundation
import Declaraties
import Toewijzingen
import Uitwisseling
import TestSupport
import Testing

/// Report §6.1: a retour that breaks its schema is recorded and flagged, but carries no verdict
/// the ledger can read, so its heenbericht stays unanswered: not rejected, not accepted.
@Suite struct OnleesbareRetourTests {
    /// `bericht` with an element its schema does not know after the header.
    static func onleesbaar(_ bericht: [UInt8]) -> [UInt8] {
        let tekst = String(decoding: bericht, as: UTF8.self)
        guard let einde = tekst.range(of: "</", options: .backwards) else { preconditionFailure("no root end tag") }
        return Array(tekst.replacingCharacters(in: einde.lowerBound..<einde.lowerBound, with: "<Onbekend/>").utf8)
    }

    /// The rejecting 302 (8848) of the shortening A2, its content broken: its verdict cannot be read.
    static let onleesbareAfwijzing = onleesbaar(ToewijzingenTests.retour("A2", afwijzend: true))

    @Test func anUnreadableRetourLeavesItsHeenberichtVerzonden() throws {
        let ledger = try TestLedger()
        try ledger.ingest([ToewijzingenTests.eerste, ToewijzingenTests.verkorting])
        try ledger.ingestHeaderOnly([Self.onleesbareAfwijzing])
        let berichten = try ledger.berichten()
        #expect(berichten.filter { $0.berichttype == "301" }.map(\.status) == ["verzonden", "verzonden"])
        #expect(berichten.filter { $0.berichttype == "301" }.allSatisfy { $0.retourCodes.isEmpty })
        let retour = try #require(berichten.first { $0.berichttype == "302" })
        #expect(retour.status == "retour" && retour.bevindingen == ["XSD"])
        // Unanswered counts as not rejected (cli.md): the change stands until a readable retour says otherwise.
        #expect(try ledger.toewijzingen().first { $0.toewijzingNummer == 7100041 }?.einddatum == "2026-05-31")
    }

    @Test func aReadableRejectionStillRejects() throws {
        let ledger = try TestLedger()
        try ledger.ingest([ToewijzingenTests.retour("A2", afwijzend: true), ToewijzingenTests.eerste,
                           ToewijzingenTests.verkorting])
        #expect(try ledger.berichten().filter { $0.berichttype == "301" }.map(\.status) == ["verzonden", "afgewezen"])
        #expect(try ledger.toewijzingen().first { $0.toewijzingNummer == 7100041 }?.einddatum == "2026-06-28")
    }

    /// Today's mistake was the other way round: an unreadable rejection counted as acceptance.
    @Test func anUnreadableRetourIsNoAcceptanceEitherInAnyOrder() throws {
        let eerst = try TestLedger()
        try eerst.ingestHeaderOnly([Self.onleesbareAfwijzing])
        try eerst.ingest([ToewijzingenTests.eerste, ToewijzingenTests.verkorting])
        #expect(try eerst.berichten().allSatisfy { $0.status != "geaccepteerd" && $0.status != "afgewezen" })
        let later = try TestLedger()
        try later.ingest([ToewijzingenTests.eerste, ToewijzingenTests.verkorting])
        try later.ingestHeaderOnly([Self.onleesbareAfwijzing])
        #expect(try eerst.toestand() == later.toestand())
    }

    @Test func anUnreadable325JudgesNoPrestatie() throws {
        let ledger = try TestLedger()
        try ledger.ingest([DeclaratiesTests.declaratie])
        try ledger.ingestHeaderOnly([Self.onleesbaar(DeclaratiesTests.antwoord)])
        #expect(try ledger.declaraties().allSatisfy { $0.status == "ingediend" && $0.retourCodes.isEmpty })
        #expect(try ledger.declaraties(openstaand: true).count == 5, "every line of the 323")
        let leesbaar = try TestLedger()
        try leesbaar.ingest([DeclaratiesTests.declaratie, DeclaratiesTests.antwoord])
        #expect(try leesbaar.declaraties().contains { $0.status == "afgewezen" })
        #expect(try leesbaar.declaraties(openstaand: true).isEmpty)
    }
}
