import Berichten
import Ledger
import Projection

extension Dossier {
    /// A start (305) or stop (307) whose logical key (report §4.5) was delivered more often than it
    /// was deleted and delivered again: one delivery too many stands beside the first (TR074).
    struct DubbeleAanlevering {
        var standaard, gemeente, aanbieder, bsn: String
        var toewijzingNummer: Int?
        var begindatum: Datum
        var stop: Bool
        /// The deliveries (StatusAanlevering 1) of the key, each with its dagtekening.
        var leveringen: [(positie: Int64, dagtekening: String)]

        /// Hands every such key to `body`. Each deletion (3) answers one delivery; a key with two
        /// or more deliveries beyond its deletions was delivered while it already stood. Lines of
        /// rejected messages do not count (their retour already said so).
        static func alle(_ connection: SQLiteConnection, _ body: (DubbeleAanlevering) -> Void) throws(LedgerError) {
            let sleutel = "standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code, begindatum"
            func groepen(_ table: String, stop: Bool, extra: String = "") -> String {
                let kolommen = (sleutel + extra).split(separator: ", ").map { "s.\($0)" }.joined(separator: ", ")
                return """
                    SELECT s.standaard, s.gemeente, s.aanbieder, s.bsn, s.toewijzing_nummer, s.begindatum, \(stop ? 1 : 0),
                        group_concat(CASE WHEN s.status_aanlevering = '1' THEN s.positie || '|' || b.dagtekening END, ' ')
                    FROM \(table) s JOIN uitwisseling_berichten b ON b.positie = s.positie
                    WHERE s.positie NOT IN (SELECT positie FROM uitwisseling_afgewezen)
                    GROUP BY \(kolommen)
                    HAVING sum(s.status_aanlevering = '1') - sum(s.status_aanlevering = '3') >= 2
                    """
            }
            _ = try connection.rows(
                groepen("zorg_starts", stop: false) + "\nUNION ALL\n"
                    + groepen("zorg_stops", stop: true, extra: ", reden_beeindiging, einddatum")
            ) { row in
                let leveringen = row.list(7).compactMap { veld -> (positie: Int64, dagtekening: String)? in
                    let delen = veld.split(separator: "|")
                    guard delen.count == 2, let positie = Int64(delen[0]) else { return nil }
                    return (positie, String(delen[1]))
                }
                body(DubbeleAanlevering(
                    standaard: row.string(0), gemeente: row.string(1), aanbieder: row.string(2), bsn: row.string(3),
                    toewijzingNummer: row.optionalInt(4), begindatum: Datum(dagnummer: row.int(5)), stop: row.int(6) == 1,
                    leveringen: leveringen))
            }
        }
    }
}
