public import Reconciliatie

/// The columns of `zorgledger reconcile` (cli.md's shape, plus the amount at stake, which the table totals).
extension Constatering: QueryRow {
    public static var columns: [Column<Constatering>] { kern + [bedragKolom] + oordeel }

    /// What every finding says, also inside a difference between two evaluations.
    static var kern: [Column<Constatering>] {
        [
            Column("standaard") { .text($0.standaard) }, Column("gemeente") { .text($0.gemeente) },
            Column("aanbieder") { .text($0.aanbieder) }, Column("regel") { .text($0.regel) },
            Column("ernst") { .text($0.ernst.rawValue) },
            Column("toelichting", cuttable: true) { .text($0.toelichting) },
            Column("bsn", personal: true) { .text($0.bsn) },
            Column("toewijzingNummer", "toewijzing", .integer) { .integer($0.toewijzingNummer.map(Int64.init)) },
            Column("declaratieNummer", "declaratie") { .text($0.declaratieNummer) },
            Column("referentieNummer", "referentie") { .text($0.referentieNummer) },
            Column("posities", nil, .list) { .integers($0.posities) },
        ]
    }

    static var bedragKolom: Column<Constatering> {
        Column("bedrag", nil, .summedAmount) { .integer($0.bedrag.map(Int64.init)) }
    }

    /// The gemeente's verdict beside ours (cli.md): null and [] for a finding not about a prestatie.
    static var oordeel: [Column<Constatering>] {
        [
            Column("gemeenteOordeel", "oordeel gemeente") { .text($0.gemeenteOordeel?.rawValue) },
            Column("gemeenteRetourCodes", "retourcodes gemeente", .list) { .list($0.gemeenteRetourCodes) },
        ]
    }
}
