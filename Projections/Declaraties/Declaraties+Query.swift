import Berichten
public import Ledger
public import Projection

extension Declaraties {
    /// One row per prestatie; `openstaand` keeps those still waiting for a 325. No date decides
    /// a prestatie's status, so `filter.peildatum` does not apply; `van`/`tot` keep prestaties
    /// whose ProductPeriode overlaps. Each row goes to `elk` as it is read.
    public static func rijen(
        _ filter: Filter, openstaand: Bool = false, in connection: SQLiteConnection,
        _ elk: (PrestatieRij) -> Void
    ) throws(LedgerError) {
        let conditions = Conditions(
            filter, status: openstaand ? "ingediend" : filter.status, begin: "begindatum", einde: "einddatum",
            positie: "positie")
        try connection.rows(
            """
            SELECT standaard, gemeente, aanbieder, declaratie_nummer, bsn, referentie_nummer,
                vorig_referentie_nummer, toewijzing_nummer, product_categorie, product_code, begindatum, einddatum,
                geleverd_volume, eenheid, product_tarief, bedrag, status, retour_codes
            FROM declaraties_status
            \(conditions.sql)
            ORDER BY standaard, gemeente, aanbieder, declaratie_nummer, referentie_nummer, volgnummer, status
            """, conditions.values, elk
        ) { row in
            PrestatieRij(
                standaard: row.string(0), gemeente: row.string(1), aanbieder: row.string(2),
                declaratieNummer: row.string(3), bsn: row.string(4), referentieNummer: row.string(5),
                vorigReferentieNummer: row.optionalString(6), toewijzingNummer: row.int(7),
                productCategorie: row.string(8), productCode: row.string(9), begindatum: row.string(10),
                einddatum: row.string(11), geleverdVolume: row.int(12), eenheid: row.string(13),
                productTarief: row.optionalInt(14), bedrag: row.int(15), status: row.string(16),
                retourCodes: row.list(17).uniqueInOrder())
        }
    }

    /// Every row at once, for small answers (a timeline, the demo).
    public static func rijen(
        _ filter: Filter, openstaand: Bool = false, in connection: SQLiteConnection
    ) throws(LedgerError) -> [PrestatieRij] {
        try collected { elk throws(LedgerError) in try rijen(filter, openstaand: openstaand, in: connection, elk) }
    }
}
