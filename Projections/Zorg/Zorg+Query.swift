import Berichten
public import Ledger
public import Projection

extension Zorg {
    /// One row per standing start. The status follows from the reported stops, not from a
    /// date, so `filter.peildatum` does not apply; `van`/`tot` keep periods that overlap.
    /// Each row goes to `elk` as it is read.
    public static func rijen(
        _ filter: Filter, in connection: SQLiteConnection, _ elk: (ZorgRij) -> Void
    ) throws(LedgerError) {
        // A period joins starts and stops of several messages: no one position names its client.
        let conditions = Conditions(
            filter, status: filter.status, begin: "begindatum", einde: "einddatum", positie: nil)
        try connection.rows(
            """
            SELECT standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code,
                begindatum, einddatum, reden_beeindiging, status
            FROM zorg_perioden
            \(conditions.sql)
            ORDER BY standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code, begindatum
            """, conditions.values, elk
        ) { row in
            ZorgRij(
                standaard: row.string(0), gemeente: row.string(1), aanbieder: row.string(2), bsn: row.string(3),
                toewijzingNummer: row.optionalInt(4), productCategorie: row.optionalString(5),
                productCode: row.optionalString(6), begindatum: row.string(7), einddatum: row.optionalString(8),
                redenBeeindiging: row.optionalString(9), status: row.string(10))
        }
    }

    /// Every row at once, for small answers (a timeline, the demo).
    public static func rijen(_ filter: Filter, in connection: SQLiteConnection) throws(LedgerError) -> [ZorgRij] {
        try collected { elk throws(LedgerError) in try rijen(filter, in: connection, elk) }
    }
}
