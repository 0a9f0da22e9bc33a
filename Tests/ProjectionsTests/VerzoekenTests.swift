import Verzoeken
import TestSupport
import Testing

/// Report §8.2: a VOT per AangevraagdProduct, answered by 319 and honoured by 301.
@Suite struct VerzoekenTests {
    static let verzoek = Voorbeeld.bericht("315", [("2027-06-31", "2027-06-30")])
    static let inOnderzoek = Voorbeeld.bericht("319", [
        ("65656055", "42420001"), ("<jw319:ReferentieAanbieder>9003<", "<jw319:ReferentieAanbieder>40A12341234<"),
        ("<jw319:VerzoekAntwoord>1<", "<jw319:VerzoekAntwoord>2<"),
        ("<jw319:RedenAfwijzingVerzoek>8</jw319:RedenAfwijzingVerzoek>", ""),
    ], zonder: ["jw319:Woonplaatsbeginsel"])

    static func status(_ ledger: TestLedger) throws -> [String] {
        try ledger.verzoeken().map { "\($0.referentieAanbieder) \($0.soort) \($0.status)" }
    }

    @Test func aVotInOnderzoekThenHonouredBy301() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.verzoek])
        #expect(try Self.status(ledger) == ["40A12341234 VOT ingediend", "40A12341235 VOT ingediend"])
        try ledger.ingest([Self.inOnderzoek])
        #expect(try Self.status(ledger) == ["40A12341234 VOT in_onderzoek", "40A12341235 VOT ingediend"])
        try ledger.ingest([ToewijzingenTests.eerste])
        #expect(try Self.status(ledger) == ["40A12341234 VOT toegewezen", "40A12341235 VOT toegewezen"])
        try ledger.ingest([ToewijzingenTests.retour("A1", afwijzend: true)])
        #expect(try Self.status(ledger) == ["40A12341234 VOT in_onderzoek", "40A12341235 VOT ingediend"])
    }

    @Test func aRejected315IsOngeldig() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Voorbeeld.bericht("316"), Self.verzoek])
        #expect(try Self.status(ledger) == ["40A12341234 VOT ongeldig", "40A12341235 VOT ongeldig"])
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
