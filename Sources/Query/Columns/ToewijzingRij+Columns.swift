public import Toewijzingen

/// The columns of `zorgledger toewijzingen` (cli.md).
extension ToewijzingRij: QueryRow {
    public static var columns: [Column<ToewijzingRij>] {
        [
            Column("standaard") { .text($0.standaard) }, Column("gemeente") { .text($0.gemeente) },
            Column("aanbieder") { .text($0.aanbieder) }, Column("bsn", personal: true) { .text($0.bsn) },
            Column("toewijzingNummer", "toewijzing", .integer) { .integer(Int64($0.toewijzingNummer)) },
            Column("productCategorie", "cat") { .text($0.productCategorie) },
            Column("productCode", "code") { .text($0.productCode) }, Column("ingangsdatum") { .text($0.ingangsdatum) },
            Column("einddatum") { .text($0.einddatum) },
            Column("volume", nil, .integer) { .integer($0.volume.map(Int64.init)) },
            Column("eenheid") { .text($0.eenheid) }, Column("frequentie", "freq") { .text($0.frequentie) },
            Column("budget", nil, .amount) { .integer($0.budget.map(Int64.init)) },
            Column("redenWijziging", "reden") { .text($0.redenWijziging) },
            Column("toewijzingsdatum") { .text($0.toewijzingsdatum) },
            Column("toewijzingstijd", "tijd") { .text($0.toewijzingstijd) },
            Column("referentieAanbieder", "referentie") { .text($0.referentieAanbieder) },
            Column("status") { .text($0.status) }, Column("positie", nil, .integer) { .integer($0.positie) },
            Column("bekendSinds", "bekend sinds") { .text($0.bekendSinds) },
        ]
    }
}
