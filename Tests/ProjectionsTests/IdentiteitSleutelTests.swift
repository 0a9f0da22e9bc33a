import TestSupport
import Testing
import Uitwisseling

/// A retour finds its heenbericht through a 4-byte hash of the heenbericht's identity, but the
/// identity itself decides: a heenbericht whose hash is the same and whose identity is not is
/// never answered by that retour (report §6.1, a retour names its heenbericht by BerichtCode,
/// Afzender and Identificatie).
@Suite struct IdentiteitSleutelTests {
    /// Two identifications of 301s from the same gemeente whose identities hash alike, found by
    /// trying names until two collide (a few tens of thousands for 31 bits).
    static func botsend(berichtCode: Int, afzender: String) -> (String, String) {
        var gezien: [Int: String] = [:]
        for nummer in 0... {
            let identificatie = "B\(nummer)"
            let sleutel = Uitwisseling.sleutel(berichtCode: berichtCode, afzender: afzender, identificatie: identificatie)
            if let eerder = gezien[sleutel] { return (eerder, identificatie) }
            gezien[sleutel] = identificatie
        }
        preconditionFailure("unreachable")
    }

    @Test(arguments: [false, true])
    func aRetourAnswersOnlyTheHeenberichtWithItsIdentity(retourEerst: Bool) throws {
        let kop = try #require(try {
            let ledger = try TestLedger()
            try ledger.ingest([ToewijzingenTests.eerste])
            return try ledger.berichten().first
        }())
        let (beantwoord, ander) = Self.botsend(
            berichtCode: try #require(kop.berichtCode), afzender: try #require(kop.afzender))
        let heen = [
            ToewijzingenTests.toewijzing(beantwoord, "2026-02-02", "09:15:00"),
            ToewijzingenTests.toewijzing(ander, "2026-05-01", "09:00:00", einddatum: "2026-05-31"),
        ]
        let retour = ToewijzingenTests.retour(beantwoord, afwijzend: true)
        let ledger = try TestLedger()
        try ledger.ingest(retourEerst ? [retour] + heen : heen + [retour])
        let status = Dictionary(
            uniqueKeysWithValues: try ledger.berichten().filter { $0.berichttype == "301" }.map {
                ($0.identificatie ?? "", $0.status)
            })
        #expect(status[beantwoord] == "afgewezen")
        #expect(status[ander] == "verzonden")
    }
}
