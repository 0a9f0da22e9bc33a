import Declaraties
import Query
import Reconciliatie
import Testing
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// Each row type declares the contract's JSON keys (cli.md, "JSON shapes"), its integers as integers, and its BSN
/// as personal data, once for every format.
@Suite("Column declarations")
struct ColumnTests {
    /// Every row of a projection carries these besides its own keys.
    static let relatie = ["standaard", "gemeente", "aanbieder"]
    /// cli.md: "JSON integers: positie, berichtCode, toewijzingNummer, volume, budget, geleverdVolume, productTarief, bedrag".
    static let integers: Set = [
        "positie", "berichtCode", "toewijzingNummer", "volume", "budget", "geleverdVolume", "productTarief", "bedrag",
    ]

    static func check<Row: QueryRow>(_: Row.Type, _ contract: [String], extra: Set<String> = []) {
        let columns = Row.columns
        let keys = columns.map(\.key)
        #expect(Set(keys) == Set(contract).union(extra), "\(Row.self)")
        #expect(keys.count == Set(keys).count, "\(Row.self): a key declared twice")
        for column in columns {
            let numeric = [.integer, .amount, .summedAmount].contains(column.kind)
            #expect(numeric == integers.contains(column.key), "\(Row.self).\(column.key): JSON type")
            #expect(column.personal == (column.key == "bsn"), "\(Row.self).\(column.key): personal data")
        }
    }

    @Test func toewijzingen() {
        Self.check(ToewijzingRij.self, Self.relatie + [
            "bsn", "toewijzingNummer", "productCategorie", "productCode", "ingangsdatum", "einddatum", "volume",
            "eenheid", "frequentie", "budget", "redenWijziging", "toewijzingsdatum", "toewijzingstijd",
            "referentieAanbieder", "status", "positie", "bekendSinds",
        ])
    }

    @Test func zorg() {
        Self.check(ZorgRij.self, Self.relatie + [
            "bsn", "toewijzingNummer", "productCategorie", "productCode", "begindatum", "einddatum", "redenBeeindiging",
            "status",
        ])
    }

    @Test func declaraties() {
        Self.check(PrestatieRij.self, Self.relatie + [
            "declaratieNummer", "bsn", "referentieNummer", "vorigReferentieNummer", "toewijzingNummer",
            "productCategorie", "productCode", "begindatum", "einddatum", "geleverdVolume", "eenheid", "productTarief",
            "bedrag", "status", "retourCodes",
        ])
    }

    @Test func verzoeken() {
        Self.check(VerzoekRij.self, Self.relatie + ["bsn", "referentieAanbieder", "soort", "status", "redenAfwijzingVerzoek"])
    }

    @Test func berichten() {
        Self.check(BerichtRij.self, Self.relatie + [
            "positie", "release", "berichtCode", "berichttype", "afzender", "ontvanger", "identificatie",
            "dagtekening", "bestand", "status", "retourCodes", "bevindingen",
            // cli.md, "Intake as messages really arrive".
            "transport", "transportId", "ontvangen",
        ])
    }

    /// A finding also carries the amount at stake (`bedrag`, an integer like every bedrag).
    @Test func reconcile() {
        Self.check(Constatering.self, Self.relatie + [
            "regel", "ernst", "toelichting", "bsn", "toewijzingNummer", "declaratieNummer", "referentieNummer",
            "posities", "gemeenteOordeel", "gemeenteRetourCodes",
        ], extra: ["bedrag"])
        #expect(Constatering.columns.filter(\.cuttable).map(\.key) == ["toelichting"])
    }

    /// The statuses `--status` accepts are the contract's.
    @Test func statuses() {
        #expect(ToewijzingStatus.allCases.map(\.rawValue) == ["actueel", "beeindigd", "verwijderd"])
        #expect(ZorgStatus.allCases.map(\.rawValue) == ["lopend", "tijdelijk_gestopt", "beeindigd"])
        #expect(DeclaratieStatus.allCases.map(\.rawValue) == ["ingediend", "toegekend", "afgewezen", "gecrediteerd"])
        #expect(VerzoekStatus.allCases.map(\.rawValue) == ["ingediend", "in_onderzoek", "toegewezen", "afgewezen", "ongeldig"])
        #expect(BerichtStatus.allCases.map(\.rawValue) == ["verzonden", "geaccepteerd", "afgewezen", "retour"])
    }
}
