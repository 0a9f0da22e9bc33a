public import Reconciliatie

/// The columns of `zorgledger reconcile --vergelijk`: one row per rule, per RetourCode to dispute,
/// and the total. The total row adds each line once, so the table sums nothing itself.
extension Vergelijking: QueryRow {
    public static var columns: [Column<Vergelijking>] {
        [
            Column("soort") { .text($0.soort.rawValue) }, Column("regel") { .text($0.regel) },
            Column("retourCode", "retourcode gemeente") { .text($0.retourCode) },
            Column("standaard", inTable: false) { .text($0.standaard) },
            Column("gemeente", inTable: false) { .text($0.gemeente) },
            Column("aanbieder", inTable: false) { .text($0.aanbieder) },
        ] + telling("toegekend", "fout, toegekend", "risico", \.toegekend)
            + telling("afgewezen", "fout, ook afgewezen", "afgewezen", \.afgewezen)
            + telling("open", "fout, nog geen 325", "open", \.open)
            + telling("betwist", "afgewezen zonder fout", "te betwisten", \.betwist)
            + [Column("overeenstemming", "overeenstemming", .integer) { .percentage($0.overeenstemming) }]
    }

    /// A count and its amount: `<naam>Aantal` and `<naam>Bedrag`.
    private static func telling(
        _ naam: String, _ aantalKop: String, _ bedragKop: String, _ telling: KeyPath<Vergelijking, Telling>
    ) -> [Column<Vergelijking>] {
        [
            Column(naam + "Aantal", aantalKop, .integer) { .integer(Int64($0[keyPath: telling].aantal)) },
            Column(naam + "Bedrag", bedragKop, .amount) { .integer(Int64($0[keyPath: telling].bedrag)) },
        ]
    }
}
