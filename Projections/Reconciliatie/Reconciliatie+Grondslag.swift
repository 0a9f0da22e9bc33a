public import Ledger
import Berichten
import Projection

extension Reconciliatie {
    /// The grondslag for `regelset` (a version) and `contract` (the position of a contract
    /// event); each defaults to the one in force, the latest recorded.
    public static func grondslag(
        regelset versie: Int? = nil, contract positie: Int64? = nil, in connection: SQLiteConnection
    ) throws -> Grondslag {
        let gekozen = try versie ?? connection.rows(
            "SELECT versie FROM reconciliatie_regelsets ORDER BY positie DESC LIMIT 1") { $0.int(0) }.first
        var regelset = Regelset.standaard
        if let gekozen {
            guard let bekend = Regelset.versie(gekozen) else {
                throw GrondslagFout(description: "rule set version \(gekozen) does not exist; versions: "
                    + Regelset.alle.map { String($0.versie) }.joined(separator: ", "))
            }
            regelset = bekend
        }
        let contractPositie: Int64?
        if let positie {
            guard try !connection.rows(
                "SELECT 1 FROM reconciliatie_contracten WHERE positie = ?", [.integer(Int(positie))], { _ in () }
            ).isEmpty else {
                throw GrondslagFout(description: "position \(positie) is no contract event; see `zorgledger contract`")
            }
            contractPositie = positie
        } else {
            contractPositie = try connection.rows("SELECT max(positie) FROM reconciliatie_contracten") {
                $0.optionalInt64(0)
            }.first ?? nil
        }
        let tarieven = try connection.rows(
            """
            SELECT gemeente, aanbieder, product_categorie, product_code, begindatum, einddatum, tarief, positie, eenheid
            FROM reconciliatie_tarieven t
            WHERE t.positie = (SELECT max(u.positie) FROM reconciliatie_tarieven u
                               WHERE u.gemeente = t.gemeente AND u.positie <= ?)
            """, [.integer(Int(contractPositie ?? 0))]
        ) { row -> (positie: Int64, regel: Contractregel)? in
            // The dates were written by `apply` from validated CSV, so they always parse.
            guard let begindatum = Datum(row.string(4)) else { return nil }
            return (row.int64(7), Contractregel(
                gemeente: row.string(0), aanbieder: row.string(1), productCategorie: row.string(2),
                productCode: row.string(3), begindatum: begindatum,
                einddatum: row.optionalString(5).flatMap(Datum.init), tarief: row.int(6),
                eenheid: row.optionalString(8).flatMap(Eenheid.init(rawValue:))))
        }.compactMap { $0 }
        return Grondslag(regelset: regelset, contractPositie: contractPositie, tarieven: tarieven)
    }
}
