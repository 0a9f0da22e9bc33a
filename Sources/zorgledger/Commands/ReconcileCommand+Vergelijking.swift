import Reconciliatie

extension ReconcileCommand {
    /// `reconcile --vergelijk`: one row per rule, per RetourCode to dispute, and the total, with
    /// euro amounts. The total row adds each line once, so the table sums nothing itself.
    static func tabel(_ rijen: [Vergelijking]) -> ResultTable {
        var table = ResultTable(columns: [
            .init("soort"), .init("regel"), .init("retourCode", "retourcode gemeente"),
            .init("standaard", inTable: false), .init("gemeente", inTable: false), .init("aanbieder", inTable: false),
            .init("toegekendAantal", "fout, toegekend", .integer), .init("toegekendBedrag", "risico", .amount),
            .init("afgewezenAantal", "fout, ook afgewezen", .integer), .init("afgewezenBedrag", "afgewezen", .amount),
            .init("openAantal", "fout, nog geen 325", .integer), .init("openBedrag", "open", .amount),
            .init("betwistAantal", "afgewezen zonder fout", .integer), .init("betwistBedrag", "te betwisten", .amount),
            .init("overeenstemming", "overeenstemming", .integer),
        ])
        table.rows = rijen.map { rij in
            [
                .text(rij.soort.rawValue), .text(rij.regel), .text(rij.retourCode), .text(rij.standaard),
                .text(rij.gemeente), .text(rij.aanbieder),
            ] + [rij.toegekend, rij.afgewezen, rij.open, rij.betwist].flatMap { telling -> [ResultTable.Cell] in
                [.integer(Int64(telling.aantal)), .integer(Int64(telling.bedrag))]
            } + [.percentage(rij.overeenstemming)]
        }
        return table
    }
}
