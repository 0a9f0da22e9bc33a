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

    @Test func aRejected305LeavesNoRow() throws {
        let ledger = try TestLedger()
        let afwijzing = Voorbeeld.bericht("306", [(
            "</jw306:XsdVersieRetour>",
            "</jw306:XsdVersieRetour><jw306:RetourCodes><jw306:RetourCode>0001</jw306:RetourCode></jw306:RetourCodes>")])
        try ledger.ingest([Self.start, afwijzing])
        #expect(try ledger.zorg().isEmpty)
    }
}
