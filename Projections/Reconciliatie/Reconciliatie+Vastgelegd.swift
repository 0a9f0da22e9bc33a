public import Ledger
import Projection

extension Reconciliatie {
    /// Every contract recorded, oldest first.
    public static func contracten(in connection: SQLiteConnection) throws(LedgerError) -> [Vastgelegd] {
        try connection.rows(
            """
            SELECT c.positie, c.door, c.op, c.bestand, count(t.regel),
                coalesce((SELECT group_concat(gemeente, ' ') FROM (SELECT DISTINCT gemeente FROM reconciliatie_tarieven
                          WHERE positie = c.positie ORDER BY gemeente)), '')
            FROM reconciliatie_contracten c LEFT JOIN reconciliatie_tarieven t ON t.positie = c.positie
            GROUP BY c.positie ORDER BY c.positie
            """
        ) { row in
            Vastgelegd(
                positie: row.int64(0), door: row.string(1), op: row.string(2), bestand: row.optionalString(3),
                tarieven: row.int(4), gemeenten: row.list(5), versie: nil)
        }
    }

    /// Every choice of a rule-set version, oldest first; the last is in force.
    public static func regelsetKeuzes(in connection: SQLiteConnection) throws(LedgerError) -> [Vastgelegd] {
        try connection.rows("SELECT positie, door, op, versie FROM reconciliatie_regelsets ORDER BY positie") { row in
            Vastgelegd(
                positie: row.int64(0), door: row.string(1), op: row.string(2), bestand: nil, tarieven: 0,
                gemeenten: [], versie: row.int(3))
        }
    }
}
