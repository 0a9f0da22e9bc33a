import Berichten
public import Ledger
public import Projection

extension Toewijzingen {
    /// The current version of each toewijzing with its status at `filter.peildatum`; with
    /// `historie`, every version that counts (not rejected), oldest decision first. Each row
    /// names the 301 that carried it and that 301's dagtekening (`positie`, `bekendSinds`).
    ///
    /// Status: `verwijderd` for RedenWijziging 13, `beeindigd` when the einddatum lies before
    /// the peildatum, otherwise `actueel`. `van`/`tot` keep toewijzingen whose period overlaps.
    /// Each row goes to `elk` as it is read, so an answer of any size passes in constant memory.
    public static func rijen(
        _ filter: Filter, historie: Bool = false, in connection: SQLiteConnection,
        _ elk: (ToewijzingRij) -> Void
    ) throws(LedgerError) {
        let conditions = Conditions(
            filter, status: filter.status, begin: "ingangsdatum", einde: "einddatum", positie: "positie")
        try connection.rows(
            """
            SELECT standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code,
                ingangsdatum, einddatum, volume, eenheid, frequentie, budget, reden_wijziging, toewijzingsdatum,
                toewijzingstijd, referentie_aanbieder, status, positie, bekend_sinds
            FROM (
                SELECT *, CASE WHEN reden_wijziging = '13' THEN 'verwijderd'
                               WHEN einddatum < ?1 THEN 'beeindigd'
                               ELSE 'actueel' END AS status
                FROM \(historie ? "toewijzingen_geldig" : "toewijzingen_huidig"))
            \(conditions.sql)
            ORDER BY standaard, gemeente, toewijzing_nummer, toewijzingsdatum, toewijzingstijd, bekend_sinds,
                bericht_identificatie, positie
            """, [.text(filter.peildatum.description)] + conditions.values, elk
        ) { row in
            ToewijzingRij(
                standaard: row.string(0), gemeente: row.string(1), aanbieder: row.string(2), bsn: row.string(3),
                toewijzingNummer: row.int(4), productCategorie: row.optionalString(5),
                productCode: row.optionalString(6), ingangsdatum: row.string(7), einddatum: row.optionalString(8),
                volume: row.optionalInt(9), eenheid: row.optionalString(10), frequentie: row.optionalString(11),
                budget: row.optionalInt(12), redenWijziging: row.optionalString(13),
                toewijzingsdatum: row.string(14), toewijzingstijd: row.string(15),
                referentieAanbieder: row.optionalString(16), status: row.string(17), positie: row.int64(18),
                bekendSinds: row.string(19))
        }
    }

    /// Every row at once, for small answers (a timeline, the demo).
    public static func rijen(
        _ filter: Filter, historie: Bool = false, in connection: SQLiteConnection
    ) throws(LedgerError) -> [ToewijzingRij] {
        try collected { elk throws(LedgerError) in try rijen(filter, historie: historie, in: connection, elk) }
    }
}
