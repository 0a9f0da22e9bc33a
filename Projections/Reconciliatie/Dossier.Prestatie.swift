import Berichten

extension Dossier {
    struct Prestatie {
        var positie: Int64
        /// The 325 that answered its 323, if any.
        var antwoordPositie: Int64?
        /// That 325's dagtekening: from then on the gemeente's verdict is known.
        var antwoordDagtekening: Datum?
        var dagtekening: Datum
        var standaard, gemeente, aanbieder, declaratieNummer, bsn, referentieNummer: String
        var vorigReferentieNummer: String?
        var toewijzingNummer: Int
        var productCategorie, productCode: String
        var begindatum, einddatum: Datum
        var geleverdVolume: Int
        var eenheid: String
        var productTarief: Int?
        var credit: Bool
        var bedrag: Int
        /// `ingediend`, `toegekend`, `afgewezen` or `gecrediteerd` (cli.md).
        var status: String
        /// Its place in its 323, from 1.
        var volgnummer: Int
        /// A credit that is an exact copy of an approved debet (IV091), whether or not rejected.
        var exacteKopie: Bool

        /// Still counts towards the toewijzing: not rejected and not cancelled by a credit.
        var telt: Bool { status != "afgewezen" && status != "gecrediteerd" }
    }
}
