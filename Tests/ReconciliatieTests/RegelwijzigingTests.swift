import Berichten
import Generator
import Projection
import Reconciliatie
import TestSupport
import Testing
import Uitwisseling

/// Replay after a rules change (issue 5): a year of generated traffic, a contract, one tariff
/// changed retroactively; the diff lists exactly the affected prestaties with the right amounts.
@Suite struct RegelwijzigingTests {
    static let peildatum = Datum("2026-01-31")!

    /// A debet prestatie as the generated 323s wrote it, read from their XML (each distinct message
    /// once), so the expectation does not come from the projections under test.
    struct Geschreven {
        var product: [String]  // gemeente, aanbieder, ProductCategorie, ProductCode
        var referentieNummer: String
        var volume: Int
        var tarief: Int?
    }

    static func debets(_ berichten: [GegenereerdBericht]) -> [Geschreven] {
        var gezien = Set<[UInt8]>()
        var debets: [Geschreven] = []
        for bericht in berichten where bericht.berichttype == "323" && gezien.insert(bericht.bytes).inserted {
            let xml = XMLText(bericht.bytes)
            for prestatie in xml.blokken("Prestatie")
            where prestatie.waarde("DebetCredit") == "D" && prestatie.waarde("VorigReferentieNummer") == nil {
                debets.append(Geschreven(
                    product: [xml.waarde("Ontvanger") ?? "", xml.waarde("Afzender") ?? "",
                              prestatie.waarde("ProductCategorie") ?? "", prestatie.waarde("ProductCode") ?? ""],
                    referentieNummer: prestatie.waarde("ReferentieNummer") ?? "",
                    volume: Int(prestatie.waarde("GeleverdVolume") ?? "") ?? 0,
                    tarief: prestatie.waarde("ProductTarief").flatMap { Int($0) }))
            }
        }
        return debets
    }

    @Test func aRetroactiveTariffChangeShowsExactlyTheAffectedPrestaties() throws {
        let ledger = try TestLedger()
        let berichten = Scenario(clients: 40, months: 12, seed: 7).berichten()
        try ledger.ingest(berichten.map(\.bytes))
        let filter = Filter(peildatum: Self.peildatum)
        // The expectation below assumes no 325 rejected a whole 323 (such prestaties count as not sent).
        #expect(try Uitwisseling.berichten(filter, in: ledger.connection)
            .allSatisfy { $0.berichttype != "323" || $0.status != "afgewezen" })
        let debets = Self.debets(berichten)
        #expect(debets.count > 100, "a year of 40 clients declares far more")

        // Contract A: per product code the tariff most prestaties carry (the generator's catalogue).
        let modaal = Dictionary(grouping: debets.compactMap { rij in rij.tarief.map { (rij.product[3], $0) } }) {
            $0.0
        }.mapValues { paren in
            Dictionary(grouping: paren.map(\.1)) { $0 }.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!.key
        }
        let producten = Set(debets.map(\.product)).sorted { $0.lexicographicallyPrecedes($1) }
        let kop = ContractCSV.kolommen.joined(separator: ",") + "\n"
        func csv(_ tarief: ([String]) -> Int) -> String {
            kop + producten.map { $0.joined(separator: ",") + ",2025-01-01,,\(tarief($0))" }.joined(separator: "\n")
        }
        let contractA = try ledger.contract(csv { modaal[$0[3]]! })

        // Contract B: the product with the most prestaties costs € 1,20 more, from the start.
        let perProduct = Dictionary(grouping: debets, by: \.product)
        let gewijzigd = perProduct.max { ($0.value.count, $1.key.joined()) < ($1.value.count, $0.key.joined()) }!.key
        let tariefA = modaal[gewijzigd[3]]!
        let tariefB = tariefA + 120
        let contractB = try ledger.contract(csv { $0 == gewijzigd ? tariefB : modaal[$0[3]]! })

        let voorReplay = try ledger.constateringen(peildatum: "2026-01-31")
        try TestLedger.runner.replay(ledgerPath: ledger.path)
        #expect(try ledger.constateringen(peildatum: "2026-01-31") == voorReplay, "replay gives the same findings")

        let connection = try ledger.connection
        let verschillen = try Reconciliatie.verschillen(
            filter, voor: Reconciliatie.grondslag(contract: contractA, in: connection),
            na: Reconciliatie.grondslag(contract: contractB, in: connection), in: connection)

        let geraakt = perProduct[gewijzigd]!.filter { $0.tarief != nil }
        #expect(!geraakt.isEmpty && geraakt.count == verschillen.count)
        #expect(Set(verschillen.map { $0.constatering.referentieNummer ?? "" }) == Set(geraakt.map(\.referentieNummer)))
        #expect(verschillen.allSatisfy { $0.constatering.regel == "TR418" })
        for rij in geraakt {
            let verschil = try #require(verschillen.first { $0.constatering.referentieNummer == rij.referentieNummer })
            let tarief = rij.tarief!
            #expect(verschil.soort == (tarief == tariefA ? .verschenen : .gewijzigd))
            #expect(verschil.bedragVoor == (tarief == tariefA ? nil : rij.volume * (tarief - tariefA)))
            #expect(verschil.bedragNa == rij.volume * (tarief - tariefB))
        }
        #expect(verschillen.reduce(0) { $0 + $1.verschil } == -120 * geraakt.reduce(0) { $0 + $1.volume })

        // The contract in force is the latest; the earlier one can still be asked for.
        #expect(try ledger.constateringen(peildatum: "2026-01-31", regel: "TR418").count
            == ledger.constateringen(peildatum: "2026-01-31", regel: "TR418", contract: contractA).count + verschillen
            .filter { $0.soort == .verschenen }.count)
    }

    /// A rule-set version change is an event too: the findings under the old version stay reproducible.
    @Test func aRegelsetChoiceIsRecordedAndTheOldOneStaysReproducible() throws {
        let ledger = try TestLedger()
        try ledger.ingest([RegelTests.toewijzing, Bouw.declaratie([Bouw.prestatie("RN1", tarief: 9851)])])
        try ledger.contract(RegelTests.contract)
        #expect(try ledger.constateringen(regel: "TR418").count == 1)
        try ledger.regelset(2)
        #expect(try ledger.constateringen(regel: "TR418").isEmpty)
        #expect(try ledger.constateringen(regel: "TR418", regelset: 1).count == 1)
        let connection = try ledger.connection
        let verschillen = try Reconciliatie.verschillen(
            Filter(peildatum: Datum("2026-06-01")!), voor: Reconciliatie.grondslag(regelset: 1, in: connection),
            na: Reconciliatie.grondslag(regelset: 2, in: connection), in: connection)
        #expect(verschillen.map(\.soort) == [.verdwenen] && verschillen.first?.verschil == -10)
        #expect(throws: GrondslagFout.self) { try Reconciliatie.grondslag(regelset: 4, in: connection) }
        #expect(throws: GrondslagFout.self) { try Reconciliatie.grondslag(contract: 1, in: connection) }
    }
}
