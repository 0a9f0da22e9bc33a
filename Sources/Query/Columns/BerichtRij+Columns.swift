public import Uitwisseling

/// The columns of `zorgledger berichten` (cli.md).
extension BerichtRij: QueryRow {
    public static var columns: [Column<BerichtRij>] {
        [
            Column("positie", nil, .integer) { .integer($0.positie) }, Column("standaard") { .text($0.standaard) },
            Column("release") { .text($0.release) },
            Column("berichtCode", "code", .integer) { .integer($0.berichtCode.map(Int64.init)) },
            Column("berichttype", "type") { .text($0.berichttype) }, Column("gemeente") { .text($0.gemeente) },
            Column("aanbieder") { .text($0.aanbieder) }, Column("afzender") { .text($0.afzender) },
            Column("ontvanger") { .text($0.ontvanger) }, Column("identificatie") { .text($0.identificatie) },
            Column("dagtekening") { .text($0.dagtekening) }, Column("bestand") { .text($0.bestand) },
            Column("status") { .text($0.status) },
            Column("retourCodes", "retourcodes", .list) { .list($0.retourCodes) },
            Column("bevindingen", nil, .list) { .list($0.bevindingen) },
            Column("transport") { .text($0.transport) }, Column("transportId") { .text($0.transportId) },
            Column("ontvangen") { .text($0.ontvangen) },
        ]
    }
}
