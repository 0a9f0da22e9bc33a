import Berichten
import Testing

@Suite("Message types, releases, dates and codes")
struct BerichttypeTests {
    @Test func berichtCodes() {
        #expect(Berichttype.allCases.map { $0.berichtCode(for: .iWmo) } == [414, 415, 418, 419, 420, 421, 444, 445, 480, 481, 482, 483, 484, 485])
        #expect(Berichttype.allCases.map { $0.berichtCode(for: .iJw) } == [436, 437, 438, 439, 440, 441, 446, 447, 486, 487, 488, 489, 490, 491])
        for standaard in Standaard.allCases {
            for type in Berichttype.allCases {
                let gevonden = Berichttype.lookup(berichtCode: type.berichtCode(for: standaard))
                #expect(gevonden?.standaard == standaard && gevonden?.berichttype == type)
            }
        }
        #expect(Berichttype.lookup(berichtCode: 303) == nil)
    }

    @Test func retours() {
        #expect(Berichttype.allCases.filter(\.isRetour).map(\.rawValue) == ["302", "306", "308", "316", "318", "320", "325"])
        #expect(Berichttype.toewijzingRetour.heenbericht == .toewijzing)
        #expect(Berichttype.antwoordRetour.heenbericht == .antwoord)
        #expect(Berichttype.declaratieAntwoord.heenbericht == .declaratie)
        #expect(Berichttype.declaratie.heenbericht == nil)
        for type in Berichttype.allCases where type.isRetour && type != .declaratieAntwoord {
            #expect(type.heenbericht!.berichtCode(for: .iJw) == type.berichtCode(for: .iJw) - 1)
        }
    }

    @Test func releases() {
        #expect(Release.supported.map(\.description) == ["3.0", "3.1", "3.2"])
        #expect(Release(major: 3, minor: 2) == .v3_2)
        #expect(Release(major: 3, minor: 3) == nil)
        #expect(Release(major: 2, minor: 3) == nil)
        #expect(Release.v3_0 < .v3_2)
    }

    @Test func datum() {
        #expect(Datum("2024-02-29")?.description == "2024-02-29")
        #expect(Datum("2023-02-29") == nil)
        #expect(Datum("2027-06-31") == nil)
        #expect(Datum("2026-4-01") == nil)
        #expect(Datum("2026-04-01Z") == nil)
        #expect(Datum(year: 2026, month: 2, day: 3)! < Datum("2026-02-04")!)
        #expect(Datum("2024-02-10")?.laatsteDagVanDeMaand == Datum("2024-02-29"))
        #expect(Datum("1900-02-10")?.laatsteDagVanDeMaand == Datum("1900-02-28"))
        #expect(Datum("2000-02-10")?.laatsteDagVanDeMaand == Datum("2000-02-29"))
    }

    @Test func tijd() {
        #expect(Tijd("12:34:56")?.description == "12:34:56")
        #expect(Tijd("12:34:56.789") == Tijd(hour: 12, minute: 34, second: 56))
        #expect(Tijd("24:00:00") == nil)
        #expect(Tijd("12:34") == nil)
        #expect(Tijd("12:34:56+01:00") == nil)
    }

    @Test func codesKeepTheirExactCode() {
        #expect(Eenheid.uur.rawValue == "04")
        #expect(Eenheid(rawValue: "05") == nil)
        #expect(Frequentie(rawValue: "6") == .totaalBinnenGeldigheidsduur)
        #expect(RedenWijziging.verwijderd.rawValue == "13")
        #expect(StatusAanlevering.verwijderenAanlevering.rawValue == "3")
        #expect(VerzoekAntwoord(rawValue: "2") == .inOnderzoek)
        #expect(RedenAfwijzingVerzoek(rawValue: "8") == .woonplaatsbeginsel)
        #expect(RedenVerzoek(rawValue: "2") == .wijzigingZorgplan)
        #expect(DebetCredit.credit.metTeken(500) == -500)
        #expect(Bedrag(eurocent: 500, debetCredit: .debet).metTeken == 500)
    }

    @Test func redenBeeindigingPerStandaard() {
        #expect(RedenBeeindiging(rawValue: "31", standaard: .iJw)?.betekenis == .volgensPlanBeeindigd)
        #expect(RedenBeeindiging(rawValue: "31", standaard: .iWmo)?.betekenis == .verhuizingNaarAndereGemeente)
        #expect(RedenBeeindiging(rawValue: "19", standaard: .iWmo)?.betekenis == .volgensPlanBeeindigd)
        #expect(RedenBeeindiging(rawValue: "19", standaard: .iJw) == nil)
        #expect(RedenBeeindiging(rawValue: "35", standaard: .iWmo) == nil)
        #expect(RedenBeeindiging(rawValue: "20", standaard: .iWmo)?.betekenis == .tijdelijkBeeindigd)
    }
}
