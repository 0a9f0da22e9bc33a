import Toewijzingen
import Uitwisseling
import TestSupport
import Testing

/// Report §8.3: versions of a ToegewezenProduct, whatever order the 301s and 302s arrive in.
@Suite struct ToewijzingenTests {
    /// A variant of JW301: another identification and decision moment; toewijzing 7100041 gets
    /// `einddatum` and, when given, `redenWijziging`.
    static func toewijzing(
        _ identificatie: String, _ datum: String, _ tijd: String, einddatum: String = "2026-06-28",
        redenWijziging: String? = nil
    ) -> [UInt8] {
        Voorbeeld.bericht("301", [
            Voorbeeld.identificatie("GM0518T00041", identificatie),
            ("<jw301:Toewijzingsdatum>2026-02-02</jw301:Toewijzingsdatum>",
             "<jw301:Toewijzingsdatum>\(datum)</jw301:Toewijzingsdatum>"),
            ("09:15:00", tijd),
            ("<jw301:Einddatum>2026-06-28</jw301:Einddatum>",
             "<jw301:Einddatum>\(einddatum)</jw301:Einddatum>"
                + (redenWijziging.map { "<jw301:RedenWijziging>\($0)</jw301:RedenWijziging>" } ?? "")),
        ])
    }

    /// A JW302 answering the 301 `identificatie`: accepting (no RetourCodes) or rejecting (0001).
    static func retour(_ identificatie: String, afwijzend: Bool) -> [UInt8] {
        Voorbeeld.bericht(
            "302", [Voorbeeld.identificatie("GM0518T00041", identificatie)],
            zonder: afwijzend ? [] : ["jw302:RetourCodes"])
    }

    static let eerste = toewijzing("A1", "2026-02-02", "09:15:00")
    static let verkorting = toewijzing("A2", "2026-05-01", "09:00:00", einddatum: "2026-05-31", redenWijziging: "05")

    @Test func aRejectedChangeLeavesThePreviousVersionCurrent() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.eerste, Self.retour("A1", afwijzend: false), Self.verkorting,
                           Self.retour("A2", afwijzend: true)])
        let huidig = try #require(try ledger.toewijzingen().first { $0.toewijzingNummer == 7100041 })
        #expect(huidig.einddatum == "2026-06-28")
        #expect(huidig.toewijzingsdatum == "2026-02-02")
        #expect(huidig.status == "actueel")
        #expect(huidig.referentieAanbieder == "VOT-SV-01")
        #expect(try ledger.toewijzingen(historie: true).count == 2)
        let statussen = try ledger.berichten().filter { $0.berichttype == "301" }.map(\.status)
        #expect(statussen == ["geaccepteerd", "afgewezen"])
    }

    @Test func aLaterVersionArrivingFirstStillWins() throws {
        let eerstLaat = try TestLedger()
        try eerstLaat.ingest([Self.verkorting, Self.eerste])
        let huidig = try #require(try eerstLaat.toewijzingen().first { $0.toewijzingNummer == 7100041 })
        #expect(huidig.einddatum == "2026-05-31")
        #expect(huidig.redenWijziging == "05")
        #expect(huidig.status == "beeindigd")
        let opVolgorde = try TestLedger()
        try opVolgorde.ingest([Self.eerste, Self.verkorting])
        #expect(try eerstLaat.toestand() == opVolgorde.toestand())
    }

    @Test func aRetourBeforeItsHeenberichtStillRejectsIt() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.retour("A1", afwijzend: true)])
        try ledger.ingest([Self.eerste])
        #expect(try ledger.toewijzingen().isEmpty)
        #expect(try ledger.berichten().map(\.status) == ["retour", "afgewezen"])
        #expect(try ledger.berichten().last?.retourCodes == ["0001"])
    }

    @Test func redenWijziging13DeletesTheToewijzing() throws {
        let ledger = try TestLedger()
        let verwijdering = Self.toewijzing("A3", "2026-05-02", "08:00:00", einddatum: "2026-02-09", redenWijziging: "13")
        try ledger.ingest([Self.eerste, verwijdering])
        let rijen = try ledger.toewijzingen()
        #expect(rijen.first { $0.toewijzingNummer == 7100041 }?.status == "verwijderd")
        #expect(rijen.first { $0.toewijzingNummer == 7100042 }?.status == "actueel")
    }
}
