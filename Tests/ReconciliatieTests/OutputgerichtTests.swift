import Reconciliatie
import TestSupport
import Testing

/// TR321/TR322 with the Sunday counting of IV076/IV077 for an outputgericht toewijzing, on the
/// example of report §6.7: € 300 per week (Eenheid 83) from Tuesday 11-10-2022 to Saturday
/// 31-12-2022 allows € 900 in October, € 1200 in November and € 1500 in December.
@Suite struct OutputgerichtTests {
    /// Toewijzing 1001 of € 300 per week (Volume in eurocent, IV042), or 3 pieces of `eenheid` per
    /// week, over the example's period.
    static func toewijzing(volume: Int = 30_000, eenheid: String = "83") -> [UInt8] {
        Bouw.toewijzing(dagtekening: "2022-10-03", [
            Bouw.product(1001, ingang: "2022-10-11", eind: "2022-12-31", volume: volume, eenheid: eenheid,
                         datum: "2022-10-03"),
        ])
    }

    /// The three months declared at once; euro's carry no ProductTarief and GeleverdVolume in eurocent.
    static func declaratie(_ oktober: Int, _ november: Int, _ december: Int, eenheid: String = "83") -> [UInt8] {
        let tarief: Int? = eenheid == "83" ? nil : 9850
        return Bouw.declaratie(dagtekening: "2023-01-05", [
            Bouw.prestatie("OKT", begin: "2022-10-11", eind: "2022-10-31", volume: oktober, eenheid: eenheid, tarief: tarief),
            Bouw.prestatie("NOV", begin: "2022-11-01", eind: "2022-11-30", volume: november, eenheid: eenheid, tarief: tarief),
            Bouw.prestatie("DEC", begin: "2022-12-01", eind: "2022-12-31", volume: december, eenheid: eenheid, tarief: tarief),
        ])
    }

    static func gevonden(_ regel: String, _ berichten: [[UInt8]]) throws -> [Constatering] {
        try RegelTests.gevonden(regel, berichten, peildatum: "2023-06-01")
    }

    @Test func theReportsExampleFitsExactly() throws {
        let precies = [Self.toewijzing(), Self.declaratie(90_000, 120_000, 150_000)]
        #expect(try Self.gevonden("TR321", precies).isEmpty)
        #expect(try Self.gevonden("TR322", precies).isEmpty)
        #expect(try Self.gevonden("TR341", precies).isEmpty)
    }

    /// One cent above the 3 Sundays of October, or above December's 4 Sundays plus the partial week.
    @Test func tr321OneCentAboveTheSundays() throws {
        let oktober = try Self.gevonden("TR321", [Self.toewijzing(), Self.declaratie(90_001, 120_000, 150_000)])
        #expect(oktober.map(\.referentieNummer) == ["OKT"])
        #expect(oktober.first?.toelichting.contains("€ 300,00 per week x 3 weken op zondag (outputgericht)") == true)
        #expect(oktober.first?.toelichting.contains("maximum € 900,00") == true)
        let december = try Self.gevonden("TR321", [Self.toewijzing(), Self.declaratie(90_000, 120_000, 150_001)])
        #expect(december.map(\.referentieNummer) == ["DEC"])
    }

    /// The same October under inspanningsgericht counting would allow 4 ISO weeks (41–44): the
    /// Eenheid, not the amount, decides. 12 pieces in October fit 84 (inspanning) but not 82 (output).
    @Test func theEenheidDecidesHowWeeksCount() throws {
        let inspanning = [Self.toewijzing(volume: 3, eenheid: "84"), Self.declaratie(12, 12, 15, eenheid: "84")]
        #expect(try Self.gevonden("TR321", inspanning).isEmpty)
        let output = [Self.toewijzing(volume: 3, eenheid: "82"), Self.declaratie(12, 12, 15, eenheid: "82")]
        #expect(try Self.gevonden("TR321", output).map(\.referentieNummer) == ["OKT"])
    }

    /// Inspanningsgericht, every month at its ISO-week maximum (4 + 5 + 5 weeks) passes TR321 but
    /// not the total of 12 weeks (TR322); outputgericht, the Sunday maxima add up to the total.
    @Test func tr322TheSundayMaximaAddUpToTheTotal() throws {
        let inspanning = [Self.toewijzing(volume: 3, eenheid: "84"), Self.declaratie(12, 15, 15, eenheid: "84")]
        #expect(try Self.gevonden("TR321", inspanning).isEmpty)
        #expect(try Self.gevonden("TR322", inspanning).map(\.referentieNummer) == ["DEC"])
        let output = [Self.toewijzing(volume: 3, eenheid: "82"), Self.declaratie(9, 12, 15, eenheid: "82")]
        #expect(try Self.gevonden("TR322", output).isEmpty)
        let teVeel = try Self.gevonden("TR322", [Self.toewijzing(), Self.declaratie(90_000, 120_000, 150_001)])
        #expect(teVeel.map(\.referentieNummer) == ["DEC"] && teVeel.first?.toelichting.contains("totaal € 3.600,00") == true)
    }

    /// The toewijzing's Volume is eurocent like the GeleverdVolume (IV042, CS339), not whole euros:
    /// Volume 300 is € 3 a week, so € 900 in October is far above it; Volume 30000 allows it.
    @Test func tr321TheToewijzingsVolumeIsEurocent() throws {
        let drieEuro = try Self.gevonden("TR321", [Self.toewijzing(volume: 300), Self.declaratie(900, 1200, 1500)])
        #expect(drieEuro.isEmpty, "€ 9, € 12 and € 15 fit € 3 a week")
        let teVeel = try Self.gevonden("TR321", [Self.toewijzing(volume: 300), Self.declaratie(90_000, 120_000, 150_000)])
        #expect(Set(teVeel.map(\.referentieNummer)) == ["OKT", "NOV", "DEC"])
        #expect(try Self.gevonden("TR322", [Self.toewijzing(volume: 300), Self.declaratie(900, 1200, 1501)])
            .map(\.referentieNummer) == ["DEC"])
    }
}
