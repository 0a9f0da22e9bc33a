import Berichten
import TestSupport
import Testing

/// Conformance: the published iJw 3.2 examples decode to what they say.
@Suite("Decoding the published iJw 3.2 examples", .referentie)
struct BerichtDecoderTests {
    @Test func toewijzing() throws {
        let bericht = try Voorbeeld.referentie("JW301")
        #expect(bericht.gemeente == "0384")
        #expect(bericht.aanbieder == "42420001")
        #expect(bericht.header.identificatie == "123456789012")
        #expect(bericht.header.dagtekening == Datum(year: 2026, month: 4, day: 1))
        #expect(bericht.bsns == ["999900006"])
        #expect(bericht.toewijzingNummers == [300201, 300202])
        #expect(bericht.heenIdentiteit == nil)
        guard case .toewijzing(let client, let producten) = bericht.inhoud else {
            Issue.record("not a toewijzing")
            return
        }
        #expect(client == Client(bsn: "999900006"))
        #expect(producten.count == 2)
        let eerste = producten[0]
        #expect(eerste.toewijzingNummer == 300201)
        #expect(eerste.referentieAanbieder == "40A12341234")
        #expect(eerste.product == Product(categorie: "55", code: "55A11"))
        #expect(eerste.toewijzingsdatum.description == "2026-04-01")
        #expect(eerste.toewijzingstijd == Tijd(hour: 12, minute: 34, second: 56))
        #expect(eerste.ingangsdatum == Datum("2026-04-01"))
        #expect(eerste.einddatum == Datum("2026-07-14"))
        #expect(eerste.omvang == Omvang(volume: 2, eenheid: .uur, frequentie: .perWeek))
        #expect(eerste.omvang?.eenheid.rawValue == "04")
        #expect(eerste.budget == nil)
        #expect(eerste.redenWijziging == nil)
        #expect(eerste.commentaar == "Commentaar Toegewezen Product 1")
        #expect(producten[1].toewijzingNummer == 300202)
        #expect(producten[1].omvang == Omvang(volume: 2, eenheid: .dagdeel, frequentie: .perWeek))
        #expect(producten[1].einddatum == Datum("2026-07-19"))
    }

    @Test func toewijzingRetourWithoutContent() throws {
        let bericht = try Voorbeeld.referentie("JW302")
        #expect(bericht.header.identificatieRetour == "9452b7eb-c87")
        #expect(bericht.header.dagtekeningRetour == Datum("2023-07-16"))
        #expect(bericht.header.retourCodes == ["8848"])
        #expect(bericht.inhoud == .toewijzingRetour(client: nil, producten: []))
        let heen = try #require(bericht.heenIdentiteit)
        #expect(heen.berichtCode == 436 && heen.afzender == "0384" && heen.identificatie == "123456789012")
    }

    @Test func startEnStop() throws {
        let start = try Voorbeeld.referentie("JW305")
        #expect(start.gemeente == "0363" && start.aanbieder == "65656055")
        guard case .start(_, let starts) = start.inhoud else {
            Issue.record("not a start")
            return
        }
        #expect(starts.map(\.begindatum) == [Datum("2026-04-03")!, Datum("2026-04-15")!])
        #expect(starts.allSatisfy { $0.statusAanlevering == .eersteAanlevering })

        let stop = try Voorbeeld.referentie("JW307")
        guard case .stop(_, let stops) = stop.inhoud else {
            Issue.record("not a stop")
            return
        }
        #expect(stops.map(\.toewijzingNummer) == [300201, 300202])
        #expect(stops[0].redenBeeindiging.rawValue == "31")
        #expect(stops[0].redenBeeindiging.betekenis == .volgensPlanBeeindigd)
        #expect(stops[0].einddatum == Datum("2026-07-17"))
        #expect(try Voorbeeld.referentie("JW308").heenIdentiteit?.berichtCode == 440)
    }

    @Test func verzoekOmToewijzingRetour() throws {
        let bericht = try Voorbeeld.referentie("JW316")
        guard case .verzoekOmToewijzingRetour(let client, let gezagsdrager, let producten) = bericht.inhoud else {
            Issue.record("not a 316")
            return
        }
        #expect(client?.retourCodes == ["0200"])
        #expect(gezagsdrager == true)
        #expect(producten.map(\.retourCodes) == [["9347"], ["0200"]])
        #expect(producten[0].verwijzer == Verwijzer(type: "02", zorgverlenerCode: "12345678"))
        #expect(producten[0].beschikkingNummer == 123)
        #expect(producten[0].raamcontract == true)
        #expect(producten[1].omvang == Omvang(volume: 2, eenheid: .dagdeel, frequentie: .perMaand))
        let heen = try #require(bericht.heenIdentiteit)
        #expect(heen.berichtCode == 446 && heen.afzender == "42420001")
    }

    @Test func verzoekOmWijziging() throws {
        let bericht = try Voorbeeld.referentie("JW317")
        guard case .verzoekOmWijziging(let client, let verzoek) = bericht.inhoud else {
            Issue.record("not a 317")
            return
        }
        #expect(client.bsn == "999900006")
        #expect(verzoek.referentieAanbieder == "9003")
        #expect(verzoek.redenVerzoek == .veranderingClientsituatie)
        #expect(verzoek.ongewijzigdeProducten == [OngewijzigdProduct(toewijzingNummer: 10071)])
        #expect(verzoek.teWijzigenProducten.isEmpty)
        #expect(
            verzoek.nieuweProducten == [
                NieuwProduct(
                    product: Product(categorie: "45", code: "45A03"), gewensteIngangsdatum: Datum("2026-11-01")!,
                    einddatum: Datum("2024-02-28"), omvang: Omvang(volume: 4, eenheid: .uur, frequentie: .perMaand))
            ])
        #expect(bericht.toewijzingNummers == [10071])
    }

    @Test func antwoordEnRetour() throws {
        let antwoord = try Voorbeeld.referentie("JW319")
        #expect(
            antwoord.inhoud
                == .antwoord(
                    Antwoord(
                        referentieAanbieder: "9003", verzoekAntwoord: .afgewezen,
                        redenAfwijzingVerzoek: .woonplaatsbeginsel,
                        woonplaatsbeginsel: Woonplaatsbeginsel(gemeente: "1916"))))
        #expect(antwoord.bsns.isEmpty)
        let retour = try Voorbeeld.referentie("JW320")
        #expect(
            retour.inhoud
                == .antwoordRetour(
                    Antwoord(referentieAanbieder: "9003", verzoekAntwoord: .inOnderzoek, retourCodes: ["9360"])))
        #expect(retour.heenIdentiteit?.berichtCode == 488)
    }

    @Test func declaratie() throws {
        let bericht = try Voorbeeld.referentie("JW323")
        #expect(bericht.bsns == ["999900006", "999900018"])
        #expect(bericht.toewijzingNummers == [10072, 10073, 10074])
        guard case .declaratie(let declaratie) = bericht.inhoud else {
            Issue.record("not a declaratie")
            return
        }
        #expect(declaratie.declaratieNummer == "DN001")
        #expect(declaratie.declaratiePeriode == Periode(begindatum: Datum("2026-04-01")!, einddatum: Datum("2026-04-30")!))
        #expect(declaratie.totaalIngediendBedrag == Bedrag(eurocent: 79000, debetCredit: .debet))
        let prestaties = declaratie.clienten.flatMap(\.prestaties)
        #expect(prestaties.map(\.referentieNummer) == ["RN001", "RN002", "RN003", "RN004", "RN004"])
        #expect(prestaties.map(\.ingediendBedrag.eurocent) == [5000, 24000, 5000, 24000, 21000])
        #expect(prestaties.map(\.productTarief) == [1250, 1500, 1250, 1500, 1500])
        #expect(prestaties.map(\.geleverdVolume) == [4, 16, 4, 16, 14])
        #expect(prestaties.reduce(0) { $0 + $1.ingediendBedrag.metTeken } == 79000)
        #expect(prestaties[4].productPeriode.begindatum == Datum("2026-03-01"))
    }

    @Test func declaratieAntwoord() throws {
        let bericht = try Voorbeeld.referentie("JW325")
        #expect(bericht.header.retourCodes == ["0200"])
        #expect(bericht.header.declaratieIdentificatie == "765432198")
        #expect(bericht.gemeente == "0384" && bericht.aanbieder == "65656055")
        let heen = try #require(bericht.heenIdentiteit)
        #expect(heen.berichtCode == 490 && heen.afzender == "65656055" && heen.identificatie == "765432198")
        guard case .declaratieAntwoord(let antwoord?) = bericht.inhoud else {
            Issue.record("not a declaratie-antwoord")
            return
        }
        #expect(antwoord.retourCodes == ["0200"])
        #expect(antwoord.totaalIngediendBedrag.metTeken == -58000)
        #expect(antwoord.totaalToegekendBedrag == Bedrag(eurocent: 34000, debetCredit: .credit))
        #expect(antwoord.clienten.map(\.client.retourCodes) == [["0200"], ["0200"]])
        #expect(
            antwoord.clienten.flatMap(\.prestaties).map(\.retourCodes) == [["0611"], ["9339", "9340", "9341"], ["9307"]])
        #expect(antwoord.clienten[0].prestaties[0].vorigReferentieNummer == "RT001")
    }

}

@Suite("Decoding the project's own messages")
struct FixtureDecoderTests {
    @Test("every fixture decodes as its own type", arguments: Fixture.namen)
    func decodes(naam: String) throws {
        let bericht = try Voorbeeld.decode(naam)
        #expect(bericht.standaard == .iJw)
        #expect(bericht.release == .v3_2)
        #expect(bericht.berichttype.rawValue == String(naam.dropFirst(2)))
        #expect(bericht.header.berichtCode == bericht.berichttype.berichtCode(for: .iJw))
        #expect(bericht.header.berichtVersie == 3 && bericht.header.berichtSubversie == 2)
    }

    @Test("prefixes, default namespace, line ends, layout, comments and CDATA do not matter", arguments: Fixture.namen)
    func presentationDoesNotMatter(naam: String) throws {
        let tekst = try Voorbeeld.tekst(naam)
        let origineel = try Voorbeeld.decode(tekst: tekst)
        let varianten = [
            Voorbeeld.anderePrefixen(tekst, naam), Voorbeeld.standaardNamespace(tekst, naam), Voorbeeld.eenRegel(tekst),
            Voorbeeld.alleenLF(tekst), Voorbeeld.alleenCRLF(tekst), Voorbeeld.versierd(tekst),
        ]
        for variant in varianten {
            #expect(try Voorbeeld.decode(tekst: variant) == origineel)
        }
    }

    @Test("the iWmo form of a message decodes with iWmo codes", arguments: ["JW301", "JW305", "JW307", "JW317", "JW323", "JW325"])
    func iWmo(naam: String) throws {
        let iJw = try Voorbeeld.decode(naam)
        let iWmo = try Voorbeeld.decode(tekst: Voorbeeld.alsIWmo(try Voorbeeld.tekst(naam), naam))
        #expect(iWmo.standaard == .iWmo)
        #expect(iWmo.berichttype == iJw.berichttype)
        #expect(iWmo.header.berichtCode == iJw.berichttype.berichtCode(for: .iWmo))
        #expect(iWmo.bsns == iJw.bsns)
        #expect(iWmo.toewijzingNummers == iJw.toewijzingNummers)
    }

    @Test func redenBeeindiging31DependsOnTheStandard() throws {
        let tekst = Voorbeeld.vervang(try Voorbeeld.tekst("JW307"), "RedenBeeindiging>02<", "RedenBeeindiging>31<")
        let iWmo = try Voorbeeld.decode(tekst: Voorbeeld.alsIWmo(tekst, "JW307"))
        guard case .stop(_, let stops) = iWmo.inhoud else {
            Issue.record("not a stop")
            return
        }
        #expect(stops[0].redenBeeindiging.rawValue == "31")
        #expect(stops[0].redenBeeindiging.betekenis == .verhuizingNaarAndereGemeente)
    }

    @Test func woonplaatsbeginselIsIJwOnly() throws {
        let tekst = Voorbeeld.alsIWmo(try Voorbeeld.tekst("JW319"), "JW319")
        let fout = try #require(Voorbeeld.fout(tekst))
        #expect(fout.kind == .unexpectedElement)
        #expect(fout.description == "Antwoord: unexpected element Woonplaatsbeginsel")
    }

    @Test("releases 3.0 and 3.1 decode", arguments: [("3_0", 0, Release.v3_0), ("3_1", 1, Release.v3_1)])
    func oudereRelease(release: String, subversie: Int, verwacht: Release) throws {
        let bericht = try Voorbeeld.decode(tekst: Voorbeeld.alsRelease(try Voorbeeld.tekst("JW301"), release, subversie: subversie))
        #expect(bericht.release == verwacht)
        #expect(bericht.release.description == "3.\(subversie)")
    }
}

@Suite("Decoding from many threads")
struct BerichtDecoderConcurrencyTests {
    @Test func parallelDecodesAgree() async throws {
        let berichten = try Fixture.namen.map { try Fixture.bytes($0) }
        let verwacht = try berichten.map { try BerichtDecoder.decode($0) }
        let resultaten = await withTaskGroup(of: Bool.self) { groep in
            for ronde in 0..<64 {
                groep.addTask {
                    let index = ronde % berichten.count
                    return (try? BerichtDecoder.decode(berichten[index])) == verwacht[index]
                }
            }
            return await groep.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(resultaten.count == 64 && resultaten.allSatisfy { $0 })
    }
}
