/// The columns of `zorgledger traject`: in a table the words, in JSON also the details per line.
extension TrajectRegel: QueryRow {
    public static var columns: [Column<TrajectRegel>] {
        [
            Column("positie", nil, .integer) { .integer($0.positie) }, Column("dagtekening") { .text($0.dagtekening) },
            Column("tijd") { .text($0.tijd) }, Column("berichttype", "type") { .text($0.berichttype) },
            Column("standaard", inTable: false) { .text($0.standaard) },
            Column("gemeente", inTable: false) { .text($0.gemeente) },
            Column("aanbieder", inTable: false) { .text($0.aanbieder) },
            Column("bsn", inTable: false, personal: true) { .text($0.bsn) },
            Column("omschrijving", cuttable: true) { .text($0.omschrijving) }, Column("status") { .text($0.status) },
            Column("retourCodes", "retourcodes", .list) { .list($0.retourCodes) },
            Column("details", nil, .objects) { .objects($0.details) },
        ]
    }
}
