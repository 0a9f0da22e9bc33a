import Berichten
import Generator
import Testing

@Suite("Decoding generated iWmo and iJw messages")
struct GegenereerdeBerichtenTests {
    @Test func everyTypeInBothStandardsIsGenerated() {
        #expect(Gegenereerd.eerste.count == Berichttype.allCases.count * Standaard.allCases.count)
    }

    @Test("every generated kind decodes as itself", arguments: Gegenereerd.eerste.map(\.soort))
    func decodes(soort: Gegenereerd.Soort) throws {
        let bestand = try Gegenereerd.bericht(soort.standaard, soort.berichttype)
        let bericht = try BerichtDecoder.decode(bestand.bytes)
        #expect(bericht.standaard == soort.standaard)
        #expect(bericht.release == .v3_2)
        #expect(bericht.berichttype.rawValue == soort.berichttype)
        #expect(bericht.header.berichtCode == bericht.berichttype.berichtCode(for: soort.standaard))
        // A retour copies its heenbericht's header, so the party sending it is that header's Ontvanger.
        let kopieertHeader = bericht.berichttype.isRetour && bericht.berichttype != .declaratieAntwoord
        let afzender = kopieertHeader ? bericht.header.ontvanger : bericht.header.afzender
        #expect(bestand.bestandsnaam.contains("_\(afzender)_"))
    }

    @Test("a 301's ToewijzingNummers are its products'", arguments: Standaard.allCases)
    func toewijzing(standaard: Standaard) throws {
        let bestand = try Gegenereerd.bericht(standaard, "301")
        let bericht = try BerichtDecoder.decode(bestand.bytes)
        guard case .toewijzing(let client, let producten) = bericht.inhoud else {
            Issue.record("not a toewijzing")
            return
        }
        let tekst = String(decoding: bestand.bytes, as: UTF8.self)
        #expect(!producten.isEmpty)
        #expect(bericht.toewijzingNummers == producten.map(\.toewijzingNummer))
        for nummer in bericht.toewijzingNummers {
            #expect(tekst.contains("ToewijzingNummer>\(nummer)<"))
        }
        #expect(bericht.bsns == [client.bsn] && tekst.contains("Bsn>\(client.bsn)<"))
        #expect(producten.allSatisfy { ($0.omvang == nil) != ($0.budget == nil) })
    }

    @Test("a 323's total is the signed sum of its prestaties", arguments: Standaard.allCases)
    func declaratie(standaard: Standaard) throws {
        let bericht = try BerichtDecoder.decode(try Gegenereerd.bericht(standaard, "323").bytes)
        guard case .declaratie(let declaratie) = bericht.inhoud else {
            Issue.record("not a declaratie")
            return
        }
        let prestaties = declaratie.clienten.flatMap(\.prestaties)
        #expect(!prestaties.isEmpty)
        let som = prestaties.reduce(0) { $0 + ($1.ingediendBedrag.debetCredit == .debet ? 1 : -1) * $1.ingediendBedrag.eurocent }
        let totaal = declaratie.totaalIngediendBedrag
        #expect((totaal.debetCredit == .debet ? 1 : -1) * totaal.eurocent == som)
        for prestatie in prestaties {
            #expect(prestatie.productPeriode.begindatum.inZelfdeMaand(als: prestatie.productPeriode.einddatum))
            if let tarief = prestatie.productTarief {
                #expect(prestatie.ingediendBedrag.eurocent == prestatie.geleverdVolume * tarief)
            }
        }
        #expect(Set(bericht.toewijzingNummers) == Set(prestaties.map(\.toewijzingNummer)))
    }

    @Test("retours name their heenbericht", arguments: Standaard.allCases)
    func retour(standaard: Standaard) throws {
        let heen = try BerichtDecoder.decode(try Gegenereerd.bericht(standaard, "301").bytes)
        let retour = try BerichtDecoder.decode(try Gegenereerd.bericht(standaard, "302").bytes)
        let identiteit = try #require(retour.heenIdentiteit)
        #expect(identiteit.berichtCode == heen.header.berichtCode)
        #expect(retour.gemeente.count == 4 && retour.aanbieder.count == 8)
    }
}
