public import Declaraties

/// The columns of `zorgledger declaraties` (cli.md); the table totals the bedrag.
extension PrestatieRij: QueryRow {
    public static var columns: [Column<PrestatieRij>] {
        [
            Column("standaard") { .text($0.standaard) }, Column("gemeente") { .text($0.gemeente) },
            Column("aanbieder") { .text($0.aanbieder) },
            Column("declaratieNummer", "declaratie") { .text($0.declaratieNummer) },
            Column("bsn", personal: true) { .text($0.bsn) },
            Column("referentieNummer", "referentie") { .text($0.referentieNummer) },
            Column("vorigReferentieNummer", "vorige") { .text($0.vorigReferentieNummer) },
            Column("toewijzingNummer", "toewijzing", .integer) { .integer(Int64($0.toewijzingNummer)) },
            Column("productCategorie", "cat") { .text($0.productCategorie) },
            Column("productCode", "code") { .text($0.productCode) }, Column("begindatum") { .text($0.begindatum) },
            Column("einddatum") { .text($0.einddatum) },
            Column("geleverdVolume", "volume", .integer) { .integer(Int64($0.geleverdVolume)) },
            Column("eenheid") { .text($0.eenheid) },
            Column("productTarief", "tarief", .amount) { .integer($0.productTarief.map(Int64.init)) },
            Column("bedrag", nil, .summedAmount) { .integer(Int64($0.bedrag)) }, Column("status") { .text($0.status) },
            Column("retourCodes", "retourcodes", .list) { .list($0.retourCodes) },
        ]
    }
}
