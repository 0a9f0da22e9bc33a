import Foundation
import Zorg
import TestSupport
import Testing

/// Report §8.4: delivery per toegewezen product from 305/307 and their corrections.
@Suite struct ZorgTests {
    static let start = Voorbeeld.bericht("305")
    static let definitieveStop = Voorbeeld.bericht("307")

    @Test func statusAanlevering3DeletesTheStart() throws {
        let verwijdering = Voorbeeld.bericht("305", [
            Voorbeeld.identificatie("AGB-S-000117", "Z2"),
            ("<jw305:StatusAanlevering>1</jw305:StatusAanlevering>",
             "<jw305:StatusAanlevering>3</jw305:StatusAanlevering>"),
        ])
        let ledger = try TestLedger()
        try ledger.ingest([verwijdering])
        #expect(try ledger.zorg().isEmpty)
        try ledger.ingest([Self.start])
        #expect(try ledger.zorg().isEmpty)
    }

    @Test func aTemporaryStopThenARestartGivesANewRow() throws {
        let tijdelijk = Voorbeeld.bericht("307", [
            Voorbeeld.identificatie("AGB-E-000342", "S1"),
            ("<jw307:RedenBeeindiging>02</jw307:RedenBeeindiging>", "<jw307:RedenBeeindiging>20</jw307:RedenBeeindiging>"),
            ("<jw307:Einddatum>2026-06-26</jw307:Einddatum>", "<jw307:Einddatum>2026-05-01</jw307:Einddatum>"),
            ("<jw307:Einddatum>2026-06-24</jw307:Einddatum>", "<jw307:Einddatum>2026-05-01</jw307:Einddatum>"),
        ])
        let herstart = Voorbeeld.bericht("305", [
            Voorbeeld.identificatie("AGB-S-000117", "R1"),
            ("<jw305:Begindatum>2026-02-10</jw305:Begindatum>", "<jw305:Begindatum>2026-06-01</jw305:Begindatum>"),
            ("<jw305:Begindatum>2026-02-11</jw305:Begindatum>", "<jw305:Begindatum>2026-06-15</jw305:Begindatum>"),
        ])
        let ledger = try TestLedger()
        try ledger.ingest([herstart, tijdelijk, Self.start])
        #expect(try ledger.zorg().map { "\($0.toewijzingNummer!) \($0.begindatum) \($0.status)" } == [
            "7100041 2026-02-10 tijdelijk_gestopt", "7100041 2026-06-01 lopend",
            "7100042 2026-02-11 tijdelijk_gestopt", "7100042 2026-06-15 lopend",
        ])
        try ledger.ingest([Self.definitieveStop])
        let rijen = try ledger.zorg()
        #expect(rijen.map(\.status) == ["beeindigd", "lopend", "beeindigd", "lopend"])
        #expect(rijen[0].einddatum == "2026-06-26")
        #expect(rijen[0].redenBeeindiging == "02")
    }

    /// The fixture's start of 7100041 (from 2026-02-10) alone, as message `id` of `dagtekening`,
    /// delivered (1) or deleted (3), or started on `begindatum` instead.
    static func start7100041(
        _ id: String, _ dagtekening: String, status: String = "1", begindatum: String = "2026-02-10"
    ) -> [UInt8] {
        let tekst = String(decoding: Voorbeeld.bericht("305", [
            Voorbeeld.identificatie("AGB-S-000117", id),
            ("<ijw:Dagtekening>2026-02-16</ijw:Dagtekening>", "<ijw:Dagtekening>\(dagtekening)</ijw:Dagtekening>"),
            ("<jw305:Begindatum>2026-02-10</jw305:Begindatum>", "<jw305:Begindatum>\(begindatum)</jw305:Begindatum>"),
            ("<jw305:StatusAanlevering>1</jw305:StatusAanlevering>",
             "<jw305:StatusAanlevering>\(status)</jw305:StatusAanlevering>"),
        ]), as: UTF8.self)
        guard let tweede = tekst.range(of: "<jw305:StartProduct>", options: .backwards),
            let einde = tekst.range(of: "</jw305:StartProduct>", options: .backwards)
        else { preconditionFailure("JW305.xml has two StartProducten") }
        return Array(tekst.replacingCharacters(in: tweede.lowerBound..<einde.upperBound, with: "").utf8)
    }

    static func perioden(_ ledger: TestLedger) throws -> [String] {
        try ledger.zorg().map { "\($0.toewijzingNummer!) \($0.begindatum) \($0.status)" }
    }

    /// COD467: StatusAanlevering 3 removes the delivery with its key however often it was sent.
    @Test func aDeletionRemovesAStartSentTwice() throws {
        let ledger = try TestLedger()
        try ledger.ingest([
            Self.start7100041("Z1", "2026-02-16"), Self.start7100041("Z2", "2026-02-18"),
            Self.start7100041("Z3", "2026-02-20", status: "3"),
            Self.start7100041("Z4", "2026-02-20", begindatum: "2026-02-13"),
        ])
        #expect(try Self.perioden(ledger) == ["7100041 2026-02-13 lopend"])
        let geschud = try TestLedger()
        try geschud.ingest([
            Self.start7100041("Z4", "2026-02-20", begindatum: "2026-02-13"), Self.start7100041("Z3", "2026-02-20", status: "3"),
            Self.start7100041("Z2", "2026-02-18"), Self.start7100041("Z1", "2026-02-16"),
        ])
        #expect(try geschud.toestand() == ledger.toestand())
    }

    /// IV008: delete, then deliver the same key again in a later message (a non-key correction).
    @Test func aDeliveryAfterTheDeletionStandsAgain() throws {
        let ledger = try TestLedger()
        try ledger.ingest([
            Self.start7100041("Z1", "2026-02-16"), Self.start7100041("Z2", "2026-02-18", status: "3"),
            Self.start7100041("Z3", "2026-02-19"),
        ])
        #expect(try Self.perioden(ledger) == ["7100041 2026-02-10 lopend"])
        // The same on one day: the deletion and its new delivery cancel out, the day before decides.
        let opEenDag = try TestLedger()
        try opEenDag.ingest([
            Self.start7100041("Z3", "2026-02-18"), Self.start7100041("Z2", "2026-02-18", status: "3"),
            Self.start7100041("Z1", "2026-02-16"),
        ])
        #expect(try Self.perioden(opEenDag) == ["7100041 2026-02-10 lopend"])
        // Deleted on the last day it was touched: gone.
        let verwijderd = try TestLedger()
        try verwijderd.ingest([Self.start7100041("Z1", "2026-02-16"), Self.start7100041("Z2", "2026-02-18", status: "3")])
        #expect(try Self.perioden(verwijderd).isEmpty)
    }

    @Test func aRejected305LeavesNoRow() throws {
        let ledger = try TestLedger()
        let afwijzing = Voorbeeld.bericht("306", [(
            "</jw306:XsdVersieRetour>",
            "</jw306:XsdVersieRetour><jw306:RetourCodes><jw306:RetourCode>0001</jw306:RetourCode></jw306:RetourCodes>")])
        try ledger.ingest([Self.start, afwijzing])
        #expect(try ledger.zorg().isEmpty)
    }
}
