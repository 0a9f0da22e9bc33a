import Berichten
import Kenmerken
public import Ledger
public import Projection

extension Uitwisseling {
    /// The messages of the log in log order, with their exchange state.
    ///
    /// `filter.bsn` and `filter.toewijzing` use the log's own indexes; `van`/`tot` select on
    /// the dagtekening; `status` on the exchange state. Each row goes to `elk` as it is read.
    public static func berichten(
        _ filter: Filter, in connection: SQLiteConnection, _ elk: (BerichtRij) -> Void
    ) throws(LedgerError) {
        var conditions = Conditions()
        conditions.add("b.gemeente = ?", filter.gemeente)
        conditions.add("b.aanbieder = ?", filter.aanbieder)
        conditions.add("b.positie IN (\(Berichtindex.bsn))", filter.bsn)
        conditions.add("b.positie IN (\(Berichtindex.toewijzing))", filter.toewijzing)
        conditions.add("s.status = ?", filter.status)
        conditions.add("b.dagtekening >= ?", filter.van?.description)
        conditions.add("b.dagtekening <= ?", filter.tot?.description)
        try connection.rows(
            """
            SELECT b.positie, b.standaard, b.release, b.bericht_code, b.berichttype, b.afzender, b.ontvanger,
                b.identificatie, b.dagtekening, b.bestand, b.gemeente, b.aanbieder, s.status,
                CASE WHEN b.is_retour = 1 THEN b.retour_codes
                     ELSE coalesce((SELECT group_concat(p.retour_codes, ' ') FROM uitwisseling_paren p
                                    WHERE p.heen_positie = b.positie), '') END,
                b.bevindingen, b.transport, b.transport_id, b.ontvangen
            FROM uitwisseling_berichten b JOIN uitwisseling_status s ON s.positie = b.positie
            \(conditions.sql)
            ORDER BY b.positie
            """, conditions.values, elk
        ) { row in
            BerichtRij(
                positie: row.int64(0), standaard: row.optionalString(1), release: row.optionalString(2),
                berichtCode: row.optionalInt(3), berichttype: row.optionalString(4), afzender: row.optionalString(5),
                ontvanger: row.optionalString(6), identificatie: row.optionalString(7),
                dagtekening: row.optionalString(8), bestand: row.optionalString(9), gemeente: row.optionalString(10),
                aanbieder: row.optionalString(11), status: row.string(12),
                retourCodes: row.list(13).uniqueInOrder(), bevindingen: row.list(14),
                transport: row.string(15), transportId: row.optionalString(16), ontvangen: row.optionalString(17))
        }
    }

    /// Every row at once, for small answers (tests).
    public static func berichten(_ filter: Filter, in connection: SQLiteConnection) throws(LedgerError) -> [BerichtRij] {
        try collected { elk throws(LedgerError) in try berichten(filter, in: connection, elk) }
    }
}
