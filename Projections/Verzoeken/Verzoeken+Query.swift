public import Ledger
public import Projection

extension Verzoeken {
    /// One row per request. No date decides a request's status, so `filter.peildatum`,
    /// `van`, `tot` and `toewijzing` do not apply. Each row goes to `elk` as it is read.
    public static func rijen(
        _ filter: Filter, in connection: SQLiteConnection, _ elk: (VerzoekRij) -> Void
    ) throws(LedgerError) {
        var conditions = Conditions()
        conditions.add("gemeente = ?", filter.gemeente)
        conditions.add("aanbieder = ?", filter.aanbieder)
        conditions.add(bsn: filter.bsn, positie: "positie")
        conditions.add("status = ?", filter.status)
        try connection.rows(
            """
            SELECT standaard, gemeente, aanbieder, bsn, referentie_aanbieder, soort, status,
                CASE WHEN status = 'afgewezen' THEN reden_afwijzing_verzoek END
            FROM verzoeken_status
            \(conditions.sql)
            ORDER BY standaard, gemeente, aanbieder, referentie_aanbieder, bsn, soort, status
            """, conditions.values, elk
        ) { row in
            VerzoekRij(
                standaard: row.string(0), gemeente: row.string(1), aanbieder: row.string(2), bsn: row.string(3),
                referentieAanbieder: row.string(4), soort: row.string(5), status: row.string(6),
                redenAfwijzingVerzoek: row.optionalString(7))
        }
    }

    /// Every row at once, for small answers (a timeline, the demo).
    public static func rijen(_ filter: Filter, in connection: SQLiteConnection) throws(LedgerError) -> [VerzoekRij] {
        try collected { elk throws(LedgerError) in try rijen(filter, in: connection, elk) }
    }
}
