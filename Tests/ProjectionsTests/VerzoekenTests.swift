import Verzoeken
import TestSupport
import Testing

/// Report §8.2: a VOT per AangevraagdProduct, answered by 319 and honoured by 301.
@Suite struct VerzoekenTests {
    static let verzoek = Voorbeeld.bericht("315")
    static let inOnderzoek = Voorbeeld.bericht("319", [
        ("<jw319:ReferentieAanbieder>VOW-SV-07<", "<jw319:ReferentieAanbieder>VOT-SV-01<"),
        ("<jw319:VerzoekAntwoord>1<", "<jw319:VerzoekAntwoord>2<"),
        ("<jw319:RedenAfwijzingVerzoek>8</jw319:RedenAfwijzingVerzoek>", ""),
    ], zonder: ["jw319:Woonplaatsbeginsel"])

    static func status(_ ledger: TestLedger) throws -> [String] {
        try ledger.verzoeken().map { "\($0.referentieAanbieder) \($0.soort) \($0.status)" }
    }

    @Test func aVotInOnderzoekThenHonouredBy301() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.verzoek])
        #expect(try Self.status(ledger) == ["VOT-SV-01 VOT ingediend", "VOT-SV-02 VOT ingediend"])
        try ledger.ingest([Self.inOnderzoek])
        #expect(try Self.status(ledger) == ["VOT-SV-01 VOT in_onderzoek", "VOT-SV-02 VOT ingediend"])
        try ledger.ingest([ToewijzingenTests.eerste])
        #expect(try Self.status(ledger) == ["VOT-SV-01 VOT toegewezen", "VOT-SV-02 VOT toegewezen"])
        try ledger.ingest([ToewijzingenTests.retour("A1", afwijzend: true)])
        #expect(try Self.status(ledger) == ["VOT-SV-01 VOT in_onderzoek", "VOT-SV-02 VOT ingediend"])
    }

    @Test func aRejected315IsOngeldig() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Voorbeeld.bericht("316"), Self.verzoek])
        #expect(try Self.status(ledger) == ["VOT-SV-01 VOT ongeldig", "VOT-SV-02 VOT ongeldig"])
    }

    @Test func aRefusalCarriesItsReason() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Voorbeeld.bericht("317"), Voorbeeld.bericht("319")])
        let rij = try #require(try ledger.verzoeken().first)
        #expect(rij.soort == "VOW")
        #expect(rij.status == "afgewezen")
        #expect(rij.redenAfwijzingVerzoek == "8")
    }
}
