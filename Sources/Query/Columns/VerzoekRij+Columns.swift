public import Verzoeken

/// The columns of `zorgledger verzoeken` (cli.md).
extension VerzoekRij: QueryRow {
    public static var columns: [Column<VerzoekRij>] {
        [
            Column("standaard") { .text($0.standaard) }, Column("gemeente") { .text($0.gemeente) },
            Column("aanbieder") { .text($0.aanbieder) }, Column("bsn", personal: true) { .text($0.bsn) },
            Column("referentieAanbieder", "referentie") { .text($0.referentieAanbieder) },
            Column("soort") { .text($0.soort) }, Column("status") { .text($0.status) },
            Column("redenAfwijzingVerzoek", "reden") { .text($0.redenAfwijzingVerzoek) },
        ]
    }
}
