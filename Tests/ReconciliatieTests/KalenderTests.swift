import Berichten
import Reconciliatie
import Testing

/// Werkdagen, Dutch public holidays and the ISO-week arithmetic of IV076–IV078.
@Suite struct KalenderTests {
    static func d(_ tekst: String) -> Datum { Datum(tekst)! }

    @Test(arguments: [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
                      (2038, "2038-04-25"), (2285, "2285-03-22")])
    func easterByTheAnonymousGregorianAlgorithm(jaar: Int, pasen: String) {
        #expect(Feestdagen.pasen(jaar) == Self.d(pasen))
    }

    @Test func holidaysOf2025() {
        let dagen = Feestdagen(bevrijdingsdagJaarlijks: false).van(2025)
        #expect(dagen == Set([
            "2025-01-01", "2025-04-18", "2025-04-20", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29",
            "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26",
        ].map(Self.d)), "Koningsdag moves to Saturday 26 April because the 27th is a Sunday")
    }

    /// Art. 3 Algemene termijnenwet, for 2026: every day it names, and nothing else on a weekday.
    @Test func theDefaultCalendarIsTheAlgemeneTermijnenwet() {
        let kalender = Regelset.standaard.werkkalender
        let vrij = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25",
                    "2026-12-25"]
        for dag in vrij { #expect(!kalender.isWerkdag(Self.d(dag)), "\(dag)") }
        let weekdagen = (0..<365).map { Self.d("2026-01-01").plus(dagen: $0) }.filter { $0.weekdag <= 5 }
        #expect(weekdagen.filter { !kalender.isWerkdag($0) } == vrij.map(Self.d), "26 December 2026 is a Saturday")
        #expect(Feestdagen.algemeneTermijnenwet.van(2026).contains(Self.d("2026-12-26")))
    }

    @Test func bevrijdingsdagOnlyInLustrumYearsUnlessYearly() {
        #expect(!Feestdagen(bevrijdingsdagJaarlijks: false).van(2026).contains(Self.d("2026-05-05")))
        #expect(Feestdagen(bevrijdingsdagJaarlijks: true).van(2026).contains(Self.d("2026-05-05")))
        #expect(Feestdagen(bevrijdingsdagJaarlijks: false).van(2030).contains(Self.d("2030-05-05")))
        #expect(Feestdagen(bevrijdingsdagJaarlijks: false).van(2026).contains(Self.d("2026-04-27")))
    }

    @Test func werkdagenSkipWeekendsAndHolidays() {
        let kalender = Regelset.versie1.werkkalender
        #expect(!kalender.isWerkdag(Self.d("2025-05-29")), "Hemelvaartsdag")
        #expect(!kalender.isWerkdag(Self.d("2025-04-21")), "Tweede Paasdag")
        #expect(kalender.isWerkdag(Self.d("2025-04-22")))
        // Thursday 17 April + 3: Goede Vrijdag, the weekend and Easter Monday are skipped.
        #expect(kalender.termijn(na: Self.d("2025-04-17"), werkdagen: 3) == Self.d("2025-04-24"))
        // Wednesday 28 May + 3: Hemelvaart is skipped.
        #expect(kalender.termijn(na: Self.d("2025-05-28"), werkdagen: 3) == Self.d("2025-06-03"))
        // The Algemene termijnenwet (versions 1 and 2) has 5 May off every year; the lustrum
        // calendar of version 3 only in 2025, 2030, …
        #expect(Regelset.versie1.werkkalender.termijn(na: Self.d("2026-05-04"), werkdagen: 1) == Self.d("2026-05-06"))
        #expect(Regelset.versie2.werkkalender.termijn(na: Self.d("2026-05-04"), werkdagen: 1) == Self.d("2026-05-06"))
        #expect(Regelset.versie3.werkkalender.termijn(na: Self.d("2026-05-04"), werkdagen: 1) == Self.d("2026-05-05"))
        #expect(Regelset.versie3.werkkalender.termijn(na: Self.d("2030-05-03"), werkdagen: 1) == Self.d("2030-05-06"))
    }

    @Test func dayNumbersRoundTrip() {
        for dagnummer in stride(from: -719_000, through: 2_932_000, by: 997) {
            #expect(Datum(dagnummer: dagnummer).dagnummer == dagnummer)
        }
        #expect(Self.d("1970-01-01").dagnummer == 0 && Self.d("1970-01-01").weekdag == 4)
        #expect(Self.d("2024-12-30").isoWeek == (2025, 1) && Self.d("2021-01-03").isoWeek == (2020, 53))
    }

    /// Report §6.7: 3 h/week from 11-10-2022 to 28-12-2022.
    @Test func weeklyVolumeOverIsoWeeks() {
        func maximum(_ van: String, _ tot: String) -> Int {
            Volumeplafond.perPeriode(volume: 3, frequentie: .perWeek, van: Self.d(van), tot: Self.d(tot),
                                     telwijze: .isoWeken)
        }
        #expect(maximum("2022-10-11", "2022-10-31") == 12)
        #expect(maximum("2022-11-01", "2022-11-30") == 15)
        #expect(maximum("2022-12-01", "2022-12-28") == 15)
        #expect(Volumeplafond.totaal(volume: 3, frequentie: .perWeek, ingangsdatum: Self.d("2022-10-11"),
                                     einddatum: Self.d("2022-12-28")) == 36)
        #expect(Volumeplafond.isoWeken(van: Self.d("2022-10-11"), tot: Self.d("2022-12-28")) == 12)
        // Wmo categorie 01: always 6 weeks per ProductPeriode, even in a 4-week February.
        #expect(Volumeplafond.perPeriode(volume: 3, frequentie: .perWeek, van: Self.d("2021-02-01"),
                                         tot: Self.d("2021-02-28"), telwijze: .zesWeken) == 18)
        #expect(Volumeplafond.isoWeken(van: Self.d("2021-02-01"), tot: Self.d("2021-02-28")) == 4)
    }

    /// Report §6.7, outputgericht: € 300 per week from 11-10-2022 to Saturday 31-12-2022 gives
    /// October 3 Sundays, November 4, December 4 + the partial last week.
    @Test func weeklyVolumeBySunday() {
        let telwijze = Volumeplafond.Telwijze.zondagen(ingangsdatum: Self.d("2022-10-11"), einddatum: Self.d("2022-12-31"))
        func maximum(_ van: String, _ tot: String, _ telwijze: Volumeplafond.Telwijze = telwijze) -> Int {
            Volumeplafond.perPeriode(volume: 300, frequentie: .perWeek, van: Self.d(van), tot: Self.d(tot), telwijze: telwijze)
        }
        #expect(maximum("2022-10-11", "2022-10-31") == 900)
        #expect(maximum("2022-11-01", "2022-11-30") == 1200)
        #expect(maximum("2022-12-01", "2022-12-31") == 1500)
        #expect(Volumeplafond.totaal(volume: 300, frequentie: .perWeek, ingangsdatum: Self.d("2022-10-11"),
                                     einddatum: Self.d("2022-12-31")) == 3600)
        // Ending on a Sunday leaves no partial week: December then has its 4 Sundays only.
        #expect(maximum("2022-12-01", "2022-12-25", .zondagen(ingangsdatum: Self.d("2022-10-11"),
                                                               einddatum: Self.d("2022-12-25"))) == 1200)
        // The last Sunday (27 November) lies in November, so the partial week 28-30 November goes there,
        // and the one December day gets none.
        let eindeDinsdag = Volumeplafond.Telwijze.zondagen(ingangsdatum: Self.d("2022-10-11"), einddatum: Self.d("2022-12-01"))
        #expect(maximum("2022-11-01", "2022-11-30", eindeDinsdag) == 1500)
        #expect(maximum("2022-12-01", "2022-12-01", eindeDinsdag) == 0)
        // Without a Sunday at all, the one partial week goes with the einddatum.
        let geenZondag = Volumeplafond.Telwijze.zondagen(ingangsdatum: Self.d("2022-10-31"), einddatum: Self.d("2022-11-05"))
        #expect(maximum("2022-10-31", "2022-10-31", geenZondag) == 0)
        #expect(maximum("2022-11-01", "2022-11-05", geenZondag) == 300)
        #expect(Volumeplafond.zondagen(van: Self.d("1969-12-01"), tot: Self.d("1970-01-31")) == 8)
    }

    @Test func otherFrequencies() {
        let van = Self.d("2025-04-10"), tot = Self.d("2025-04-30")
        #expect(Volumeplafond.perPeriode(volume: 2, frequentie: .perDag, van: van, tot: tot, telwijze: .isoWeken) == 42)
        #expect(Volumeplafond.perPeriode(volume: 8, frequentie: .perMaand, van: van, tot: tot, telwijze: .isoWeken) == 8)
        #expect(Volumeplafond.totaal(volume: 8, frequentie: .perMaand, ingangsdatum: van, einddatum: Self.d("2025-06-02")) == 24)
        #expect(Volumeplafond.totaal(volume: 8, frequentie: .perWeek, ingangsdatum: van, einddatum: nil) == nil)
        #expect(Volumeplafond.totaal(volume: 80, frequentie: .totaalBinnenGeldigheidsduur, ingangsdatum: van,
                                     einddatum: nil) == 80)
    }
}
