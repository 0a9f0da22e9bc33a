import Berichten
import Foundation
import Generator
import TestSupport
import Testing

@Suite("Generated iWmo/iJw 3.2 traffic")
struct ScenarioTests {
    /// 12 clients × 6 months: the scripted clients cover every type and deviation in both standards.
    static let klein = Scenario(clients: 12, months: 6, seed: 42).berichten()
    static let groterScenario = Scenario(clients: 300, months: 10, seed: 7, startMonth: (2024, 11))
    static let groter = groterScenario.berichten()

    static let heenVanRetour = [
        "302": "301", "306": "305", "308": "307", "316": "315", "318": "317", "320": "319",
    ]

    @Test func sameSeedGivesIdenticalBytes() {
        let opnieuw = Scenario(clients: 12, months: 6, seed: 42).berichten()
        let kleinGelijk = opnieuw == Self.klein
        let groterGelijk = Array(Self.groterScenario) == Self.groter
        #expect(kleinGelijk)
        #expect(groterGelijk)
    }

    @Test func differentSeedGivesDifferentTraffic() {
        let ander = Scenario(clients: 12, months: 6, seed: 43).berichten()
        let verschillend = ander != Self.klein
        #expect(verschillend)
        #expect(Set(ander.map(\.bytes)).isDisjoint(with: Set(Self.klein.map(\.bytes))))
    }

    /// Conformance: needs the published schemas.
    @Test(.referentie) func everyMessageIsValidAgainstItsXSD() throws {
        for bericht in Self.klein + Self.groter {
            let validator = try #require(
                SharedDomain.validators["\(bericht.standaard)-\(bericht.berichttype)"],
                "no XSD for \(bericht.standaard) \(bericht.berichttype)")
            let findings = validator.validate(bericht.bytes)
            #expect(findings.isEmpty, "\(bericht.bestandsnaam): \(findings.prefix(3))")
        }
    }

    @Test func everyMessageTypeOccursInBothStandards() {
        let typen = ["301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320", "323", "325"]
        for standaard in Standaard.allCases {
            let aanwezig = Set(Self.klein.filter { $0.standaard == standaard }.map(\.berichttype))
            #expect(aanwezig == Set(typen), "\(standaard) misses \(Set(typen).subtracting(aanwezig).sorted())")
        }
    }

    @Test func serialisationVariesBySender() {
        let teksten = Self.groter.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(teksten.allSatisfy { $0.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") })
        #expect(teksten.contains { $0.contains("\r\n") })
        #expect(teksten.contains { !$0.contains("\r\n") && $0.contains("\n\t") })
        #expect(teksten.contains { $0.contains("<jw301:Bericht") })
        #expect(teksten.contains { $0.contains("<wmo323:Bericht") })
        #expect(teksten.contains { $0.contains("<m:Bericht") && $0.contains("<b:Identificatie>") })
        #expect(teksten.contains { $0.contains("<Bericht xmlns=") })
        #expect(teksten.contains { $0.contains("<Identificatie>") && !$0.contains("<Bericht ") })
        #expect(teksten.contains { $0.split(separator: "\n").count == 2 })
    }

    @Test func deliberateDuplicatesAreExactCopies() {
        var gezien: [String: [UInt8]] = [:]
        var dubbel = 0
        for bericht in Self.klein {
            if let eerder = gezien[bericht.bestandsnaam] {
                #expect(eerder == bericht.bytes, "\(bericht.bestandsnaam) reused for different content")
                dubbel += 1
            }
            gezien[bericht.bestandsnaam] = bericht.bytes
        }
        #expect(dubbel >= 1)
    }

    @Test func identificationsAreUniquePerSenderAndType() {
        for berichten in [Self.klein, Self.groter] {
            var gezien: [String: [UInt8]] = [:]
            for bericht in berichten {
                let xml = XMLText(bericht.bytes)
                let sleutel: String
                if let retour = xml.waarde("IdentificatieRetour") {
                    sleutel = "\(bericht.standaard) \(bericht.berichttype) \(xml.waarde("Ontvanger") ?? "") \(retour)"
                } else {
                    sleutel = "\(bericht.standaard) \(bericht.berichttype) \(xml.waarde("Afzender") ?? "") "
                        + (xml.blokken("BerichtIdentificatie").first?.waarde("Identificatie") ?? "")
                }
                if let eerder = gezien[sleutel] { #expect(eerder == bericht.bytes, "\(sleutel) used twice") }
                gezien[sleutel] = bericht.bytes
            }
        }
    }

    @Test func everyBsnPassesTheElfproef() {
        let bsns = Set((Self.klein + Self.groter).flatMap { XMLText($0.bytes).waarden("Bsn") })
        #expect(bsns.count > 100)
        for bsn in bsns {
            let cijfers = bsn.compactMap(\.wholeNumberValue)
            #expect(cijfers.count == 9 && bsn.count == 9, "\(bsn)")
            let som = (0..<8).reduce(0) { $0 + cijfers[$1] * (9 - $1) } - cijfers[8]
            #expect(som % 11 == 0, "\(bsn) fails the 11-proef")
        }
    }

    @Test func retourOvertakesItsHeenbericht() {
        var heenPositie: [String: Int] = [:]
        for (positie, bericht) in Self.klein.enumerated() where Self.heenVanRetour.values.contains(bericht.berichttype) {
            let xml = XMLText(bericht.bytes)
            let id = xml.blokken("BerichtIdentificatie").first?.waarde("Identificatie") ?? ""
            heenPositie["\(bericht.standaard)\(bericht.berichttype)\(xml.waarde("Afzender") ?? "")\(id)"] = positie
        }
        var ingehaald = 0
        for (positie, bericht) in Self.klein.enumerated() {
            guard let heen = Self.heenVanRetour[bericht.berichttype] else { continue }
            let xml = XMLText(bericht.bytes)
            let id = xml.blokken("BerichtIdentificatie").first?.waarde("Identificatie") ?? ""
            let sleutel = "\(bericht.standaard)\(heen)\(xml.waarde("Afzender") ?? "")\(id)"
            let heenOp = heenPositie[sleutel]
            #expect(heenOp != nil, "retour \(bericht.bestandsnaam) answers no generated heenbericht")
            if let heenOp, heenOp > positie { ingehaald += 1 }
            let dagtekening = xml.blokken("BerichtIdentificatie").first?.waarde("Dagtekening") ?? ""
            #expect((xml.waarde("DagtekeningRetour") ?? "") >= dagtekening)
        }
        #expect(ingehaald >= 2)
    }

    @Test func laterToewijzingVersionArrivesFirst() {
        var versies: [String: String] = [:]
        var ingehaald = 0
        for bericht in Self.klein where bericht.berichttype == "301" {
            for product in XMLText(bericht.bytes).blokken("ToegewezenProduct") {
                let sleutel = "\(bericht.standaard)\(product.waarde("ToewijzingNummer") ?? "")"
                let versie = (product.waarde("Toewijzingsdatum") ?? "") + (product.waarde("Toewijzingstijd") ?? "")
                if let eerder = versies[sleutel], eerder > versie { ingehaald += 1 }
                versies[sleutel] = max(versies[sleutel] ?? "", versie)
            }
        }
        #expect(ingehaald >= 2)
    }

    @Test func temporaryStopIsFollowedByARestart() {
        for standaard in Standaard.allCases {
            var tijdelijk: [String: String] = [:]
            var herstart = 0
            for bericht in Self.klein where bericht.standaard == standaard {
                let xml = XMLText(bericht.bytes)
                if bericht.berichttype == "307" {
                    for stop in xml.blokken("StopProduct") where stop.waarde("RedenBeeindiging") == "20" {
                        tijdelijk[stop.waarde("ToewijzingNummer") ?? ""] = stop.waarde("Einddatum")
                    }
                } else if bericht.berichttype == "305" {
                    for start in xml.blokken("StartProduct") {
                        if let einde = tijdelijk[start.waarde("ToewijzingNummer") ?? ""],
                            (start.waarde("Begindatum") ?? "") > einde
                        {
                            herstart += 1
                        }
                    }
                }
            }
            #expect(herstart >= 1, "\(standaard)")
        }
    }

    @Test func deletionsAndStartCorrectionsOccur() {
        for standaard in Standaard.allCases {
            let berichten = Self.klein.filter { $0.standaard == standaard }
            let verwijderd = berichten.filter { $0.berichttype == "301" }.flatMap {
                XMLText($0.bytes).blokken("ToegewezenProduct")
            }.filter { $0.waarde("RedenWijziging") == "13" }
            #expect(!verwijderd.isEmpty, "\(standaard) has no deletion")
            #expect(verwijderd.allSatisfy { $0.waarde("Einddatum") == $0.waarde("Ingangsdatum") })
            let ingetrokken = berichten.filter { $0.berichttype == "305" }.flatMap {
                XMLText($0.bytes).waarden("StatusAanlevering")
            }
            #expect(ingetrokken.contains("3"), "\(standaard) has no StatusAanlevering 3")
            let afgekeurd = berichten.filter { $0.berichttype == "302" }.map { XMLText($0.bytes) }
                .filter { !$0.waarden("RetourCode").isEmpty }
            #expect(afgekeurd.count >= 2, "\(standaard) has too few rejecting 302s")
        }
    }

    @Test func creditsCopyAnApprovedDebet() {
        var debet: [String: XMLText] = [:]
        var afgewezen: Set<String> = []
        var credits = 0
        for bericht in Self.klein + Self.groter {
            let xml = XMLText(bericht.bytes)
            if bericht.berichttype == "325" {
                for prestatie in xml.blokken("Prestatie") { afgewezen.insert(prestatie.waarde("ReferentieNummer") ?? "") }
            }
            guard bericht.berichttype == "323" else { continue }
            for prestatie in xml.blokken("Prestatie") {
                let referentie = prestatie.waarde("ReferentieNummer") ?? ""
                guard let vorige = prestatie.waarde("VorigReferentieNummer") else {
                    debet[referentie] = prestatie
                    continue
                }
                credits += 1
                #expect(prestatie.waarde("DebetCredit") == "C")
                guard let origineel = debet[vorige] else {
                    Issue.record("credit \(referentie) of an unknown debet")
                    continue
                }
                #expect(!afgewezen.contains(vorige), "credit of rejected \(vorige)")
                for veld in ["ToewijzingNummer", "ProductCode", "Begindatum", "Einddatum", "GeleverdVolume", "Bedrag"] {
                    #expect(origineel.waarde(veld) == prestatie.waarde(veld), "\(referentie) \(veld)")
                }
            }
        }
        #expect(credits >= 2)
    }

    @Test func declaratieTotalsAddUp() throws {
        var ingediend: [String: Int] = [:]
        var beantwoord = 0
        for bericht in Self.klein + Self.groter {
            let xml = XMLText(bericht.bytes)
            let aanbieder = xml.waarde(bericht.berichttype == "323" ? "Afzender" : "Ontvanger") ?? ""
            let nummer = "\(bericht.standaard) \(aanbieder) \(xml.waarde("DeclaratieNummer") ?? "")"
            if bericht.berichttype == "323" {
                var som = 0
                for prestatie in xml.blokken("Prestatie") {
                    let bedrag = try #require(Int(prestatie.waarde("Bedrag") ?? ""))
                    let volume = try #require(Int(prestatie.waarde("GeleverdVolume") ?? ""))
                    let tarief = try #require(Int(prestatie.waarde("ProductTarief") ?? ""))
                    #expect(bedrag == volume * tarief)
                    som += prestatie.waarde("DebetCredit") == "C" ? -bedrag : bedrag
                    let begin = prestatie.blokken("ProductPeriode").first?.waarde("Begindatum") ?? ""
                    let einde = prestatie.blokken("ProductPeriode").first?.waarde("Einddatum") ?? ""
                    #expect(begin.prefix(7) == einde.prefix(7) && begin <= einde, "ProductPeriode within one month")
                }
                let totaal = try #require(xml.blokken("TotaalIngediendBedrag").first)
                #expect(Self.saldo(totaal) == som, "\(bericht.bestandsnaam)")
                ingediend[nummer] = som
            } else if bericht.berichttype == "325" {
                beantwoord += 1
                let antwoord = try #require(xml.blokken("DeclaratieAntwoord").first)
                let totaal = Self.saldo(try #require(antwoord.blokken("TotaalIngediendBedrag").first))
                #expect(ingediend[nummer] == totaal, "325 for \(nummer) arrived before its 323 or differs")
                var afgewezen = 0
                for prestatie in antwoord.blokken("Prestatie") {
                    let bedrag = Int(prestatie.waarde("Bedrag") ?? "") ?? 0
                    afgewezen += prestatie.waarde("DebetCredit") == "C" ? -bedrag : bedrag
                }
                let toegekend = Self.saldo(try #require(antwoord.blokken("TotaalToegekendBedrag").first))
                #expect(toegekend == totaal - afgewezen)
                #expect(antwoord.waarden("RetourCode").last == (afgewezen == 0 ? "8001" : "0200"))
            }
        }
        #expect(beantwoord >= 10)
    }

    @Test func lazyIterationStopsEarlyAndMatchesTheArray() {
        var iterator = Self.groterScenario.makeIterator()
        for verwacht in Self.groter.prefix(50) {
            let volgende = iterator.next()
            #expect(volgende?.bestandsnaam == verwacht.bestandsnaam)
            #expect(volgende?.bytes == verwacht.bytes, "\(verwacht.bestandsnaam)")
        }
    }

    private static func saldo(_ totaal: XMLText) -> Int {
        let bedrag = Int(totaal.waarde("TotaalBedrag") ?? "") ?? 0
        return totaal.waarde("DebetCredit") == "C" ? -bedrag : bedrag
    }
}
