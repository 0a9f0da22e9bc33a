public import Zorg

/// The columns of `zorgledger zorg` (cli.md).
extension ZorgRij: QueryRow {
    public static var columns: [Column<ZorgRij>] {
        [
            Column("standaard") { .text($0.standaard) }, Column("gemeente") { .text($0.gemeente) },
            Column("aanbieder") { .text($0.aanbieder) }, Column("bsn", personal: true) { .text($0.bsn) },
            Column("toewijzingNummer", "toewijzing", .integer) { .integer($0.toewijzingNummer.map(Int64.init)) },
            Column("productCategorie", "cat") { .text($0.productCategorie) },
            Column("productCode", "code") { .text($0.productCode) }, Column("begindatum") { .text($0.begindatum) },
            Column("einddatum") { .text($0.einddatum) },
            Column("redenBeeindiging", "reden") { .text($0.redenBeeindiging) }, Column("status") { .text($0.status) },
        ]
    }
}
