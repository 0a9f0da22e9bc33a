import Berichten
import Foundation
import TestSupport
import Testing

@Suite("Level-2 business rules on single messages")
struct BevindingenTests {
    private func bevindingen(_ naam: String, _ wijzigingen: [(String, String)]) throws -> [Bevinding] {
        var tekst = try Voorbeeld.tekst(naam)
        for (oud, nieuw) in wijzigingen { tekst = Voorbeeld.vervang(tekst, oud, nieuw) }
        return try Voorbeeld.decode(tekst: tekst).bevindingen()
    }

    @Test("the fixtures keep the rules: no findings", arguments: Fixture.namen)
    func clean(naam: String) throws {
        #expect(try Voorbeeld.decode(naam).bevindingen() == [])
    }

    /// Conformance: the published JW317 asks for a product that ends before it starts.
    @Test(.referentie) func jw317BreaksCS003() throws {
        #expect(
            try Voorbeeld.referentie("JW317").bevindingen() == [
                Bevinding(
                    regel: "CS003", pad: "Client/Verzoek/NieuweProducten/NieuwProduct[1]/Einddatum",
                    toelichting: "Einddatum 2024-02-28 is before GewensteIngangsdatum 2026-11-01")
            ])
    }

    /// Conformance: the published JW323 declares one ProductReferentie twice.
    @Test(.referentie) func jw323BreaksTR101() throws {
        #expect(
            try Voorbeeld.referentie("JW323").bevindingen() == [
                Bevinding(
                    regel: "TR101", pad: "Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/ProductReferentie",
                    toelichting: "duplicate ProductReferentie in one message")
            ])
    }

    @Test func bsnElfProef() throws {
        let gevonden = try bevindingen("JW301", [("<jw301:Bsn>999990019<", "<jw301:Bsn>123456789<")])
        #expect(gevonden.map(\.regel) == ["CS002"])
        #expect(gevonden[0].pad == "Client/Bsn")
        #expect(!gevonden[0].description.contains("123456789"))
    }

    @Test func einddatumBeforeIngangsdatum() throws {
        let gevonden = try bevindingen("JW301", [("<jw301:Einddatum>2026-06-28<", "<jw301:Einddatum>2026-02-01<")])
        #expect(gevonden.map(\.regel) == ["CS003"])
        #expect(gevonden[0].pad == "Client/ToegewezenProducten/ToegewezenProduct[1]/Einddatum")
    }

    @Test func omvangAndBudgetExcludeEachOther() throws {
        let gevonden = try bevindingen(
            "JW301", [("<jw301:Commentaar>Begeleiding thuis en op school<", "<jw301:Budget>1000</jw301:Budget><jw301:Commentaar>x<")])
        #expect(gevonden.map(\.regel) == ["CD077", "CD078"])
        #expect(gevonden.map(\.pad).allSatisfy { $0.hasPrefix("Client/ToegewezenProducten/ToegewezenProduct[1]/") })
    }

    @Test func verwijderdOnlyOnASingleDay() throws {
        let gevonden = try bevindingen(
            "JW301",
            [("<jw301:Einddatum>2026-06-28</jw301:Einddatum>", "<jw301:Einddatum>2026-06-28</jw301:Einddatum><jw301:RedenWijziging>13</jw301:RedenWijziging>")])
        #expect(gevonden.map(\.regel) == ["CS335"])
        let opEenDag = try bevindingen(
            "JW301",
            [("<jw301:Einddatum>2026-06-28</jw301:Einddatum>", "<jw301:Einddatum>2026-02-09</jw301:Einddatum><jw301:RedenWijziging>13</jw301:RedenWijziging>")])
        #expect(opEenDag == [])
    }

    @Test func stopBeforeStartAndStatusAanlevering() throws {
        let gevonden = try bevindingen(
            "JW307",
            [("<jw307:Einddatum>2026-06-26<", "<jw307:Einddatum>2026-02-09<"), ("<jw307:Einddatum>2026-06-24<", "<jw307:Einddatum>2026-02-09<"),
             ("<jw307:StatusAanlevering>1<", "<jw307:StatusAanlevering>2<")])
        #expect(gevonden.map(\.regel) == ["TR018", "CS058", "TR018", "CS058"])
    }

    @Test func duplicateStartLine() throws {
        let tekst = Voorbeeld.eenRegel(try Voorbeeld.tekst("JW305"))
        let dubbel = Voorbeeld.vervang(
            tekst, "<ijw:Categorie>55</ijw:Categorie><ijw:Code>55B02</ijw:Code>", "<ijw:Categorie>45</ijw:Categorie><ijw:Code>45A05</ijw:Code>")
            .replacingOccurrences(of: "2026-02-11</jw305:Begindatum>", with: "2026-02-10</jw305:Begindatum>")
            .replacingOccurrences(of: ">7100042<", with: ">7100041<")
        let gevonden = try Voorbeeld.decode(tekst: dubbel).bevindingen()
        #expect(gevonden.map(\.regel) == ["TR101"])
        #expect(gevonden[0].pad == "Client/StartProducten/StartProduct[2]")
    }

    /// JW323 on one line, so replacements need no indentation.
    private func declaratie() throws -> String {
        Voorbeeld.eenRegel(try Voorbeeld.tekst("JW323"))
    }

    @Test func declaratiePeriods() throws {
        var tekst = try declaratie()
        tekst = Voorbeeld.vervang(
            tekst, "<ijw:Einddatum>2026-03-31</ijw:Einddatum></jw323:DeclaratiePeriode>",
            "<ijw:Einddatum>2026-03-30</ijw:Einddatum></jw323:DeclaratiePeriode>")
        tekst = Voorbeeld.vervang(tekst, "<ijw:Begindatum>2026-02-01<", "<ijw:Begindatum>2026-01-31<")
        let gevonden = try Voorbeeld.decode(tekst: tekst).bevindingen()
        #expect(gevonden.map(\.regel) == ["CS340", "CS337"])
        #expect(gevonden.last?.pad == "Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/ProductPeriode")
    }

    /// 9 uur at € 69,00 is € 621,00. € 622,00 fits no tariff that rounds to € 69,00; € 621,04
    /// does (€ 69,0044 an hour), so only a level-4 check with the contract could call it wrong.
    @Test func amountsAndTotal() throws {
        let tekst = Voorbeeld.vervang(try declaratie(), "<ijw:Bedrag>62100<", "<ijw:Bedrag>62200<")
        let gevonden = try Voorbeeld.decode(tekst: tekst).bevindingen()
        #expect(gevonden.map(\.regel) == ["TR346", "TR358"])
        #expect(gevonden.first?.pad == "Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/IngediendBedrag")
        #expect(gevonden.last?.toelichting == "TotaalBedrag 437300 is not the sum of the prestaties (437400)")
        let afgerond = Voorbeeld.vervang(try declaratie(), "<ijw:Bedrag>62100<", "<ijw:Bedrag>62104<")
        #expect(try Voorbeeld.decode(tekst: afgerond).bevindingen().map(\.regel) == ["TR358"])
    }

    /// IV081: an hour tariff of € 65,00 declared per minute is ProductTarief 108 (€ 1,0833
    /// rounded), and 90 minutes cost € 65,00 × 90 / 60 = € 97,50, not 90 × € 1,08 = € 97,20.
    @Test func minutesAgainstAnHourTariff() throws {
        func regel(volume: Int, bedrag: Int) throws -> [String] {
            var tekst = Voorbeeld.vervang(
                try declaratie(),
                "<jw323:GeleverdVolume>9</jw323:GeleverdVolume><jw323:Eenheid>04</jw323:Eenheid>"
                    + "<jw323:ProductTarief>6900</jw323:ProductTarief><jw323:IngediendBedrag><ijw:Bedrag>62100<",
                "<jw323:GeleverdVolume>\(volume)</jw323:GeleverdVolume><jw323:Eenheid>01</jw323:Eenheid>"
                    + "<jw323:ProductTarief>108</jw323:ProductTarief><jw323:IngediendBedrag><ijw:Bedrag>\(bedrag)<")
            tekst = Voorbeeld.vervang(tekst, "<ijw:TotaalBedrag>437300<", "<ijw:TotaalBedrag>\(375200 + bedrag)<")
            return try Voorbeeld.decode(tekst: tekst).bevindingen().map(\.regel)
        }
        #expect(try regel(volume: 90, bedrag: 9750) == [])
        #expect(try regel(volume: 90, bedrag: 9720) == [], "volume × the rounded tariff is no level-2 error either")
        #expect(try regel(volume: 90, bedrag: 9800) == ["TR346"])
    }

    @Test func creditCountsDown() throws {
        let credit = Voorbeeld.vervang(
            try declaratie(), "<ijw:Bedrag>62100</ijw:Bedrag><ijw:DebetCredit>D<", "<ijw:Bedrag>62100</ijw:Bedrag><ijw:DebetCredit>C<")
            .replacingOccurrences(of: "<ijw:TotaalBedrag>437300<", with: "<ijw:TotaalBedrag>313100<")
        #expect(try Voorbeeld.decode(tekst: credit).bevindingen() == [])
    }

    @Test func euroUnitMeansBedragIsVolume() throws {
        let tekst = Voorbeeld.eenRegel(try Voorbeeld.tekst("JW323"))
        let euro = [24, 12].reduce(tekst) { tekst, volume in
            Voorbeeld.vervang(
                tekst,
                "<jw323:GeleverdVolume>\(volume)</jw323:GeleverdVolume><jw323:Eenheid>04</jw323:Eenheid><jw323:ProductTarief>7350</jw323:ProductTarief>",
                "<jw323:GeleverdVolume>\(volume)</jw323:GeleverdVolume><jw323:Eenheid>83</jw323:Eenheid>")
        }
        let regels = try Voorbeeld.decode(tekst: euro).bevindingen().map(\.regel)
        #expect(regels.filter { $0 == "CS339" }.count == 2)
    }

    @Test func referentieAanbiederUniqueInAVOT() throws {
        let iJw = Voorbeeld.vervang(try Voorbeeld.tekst("JW315"), "VOT-SV-02", "VOT-SV-01")
        let gevonden = try Voorbeeld.decode(tekst: iJw).bevindingen()
        #expect(gevonden.map(\.regel) == ["TR383"])
        #expect(gevonden[0].pad == "Client/AangevraagdeProducten/AangevraagdProduct[2]/ReferentieAanbieder")
    }

    @Test func retoursAreNotChecked() throws {
        // JW316 repeats the ReferentieAanbieder of its two AangevraagdProducten; its verdict is in its RetourCodes.
        #expect(try Voorbeeld.decode("JW316").bevindingen() == [])
    }
}
