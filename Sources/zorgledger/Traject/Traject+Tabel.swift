extension Traject {
    /// The timeline as result rows: in a table the words, in JSON also the details per line.
    /// The BSN goes through `personal`, the one place where it is masked.
    func tabel(personal: PersonalData) -> ResultTable {
        var table = ResultTable(columns: [
            .init("positie", nil, .integer), .init("dagtekening"), .init("tijd"), .init("berichttype", "type"),
            .init("standaard", nil, inTable: false), .init("gemeente", nil, inTable: false),
            .init("aanbieder", nil, inTable: false), .init("bsn", nil, inTable: false), .init("omschrijving"),
            .init("status"), .init("retourCodes", "retourcodes", .list), .init("details", nil, .objects),
        ])
        table.rows = regels.map { regel in
            [
                .integer(regel.positie), .text(regel.dagtekening), .text(regel.tijd), .text(regel.berichttype),
                .text(regel.standaard), .text(regel.gemeente), .text(regel.aanbieder),
                .text(regel.bsn.map(personal.bsn)),
                .text(regel.omschrijving), .text(regel.status), .list(regel.retourCodes), .objects(regel.details),
            ]
        }
        return table
    }
}
