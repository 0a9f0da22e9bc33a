import Berichten
import Kenmerken
import Ledger
import Projection
import Toewijzingen

extension Dossier {
    /// Reads the toewijzingen, starts and the 325s' rejections; the caller holds the read
    /// transaction that makes them agree with the rows read after them.
    init(connection: SQLiteConnection) throws(LedgerError) {
        self.init(
            toewijzingen: try Self.toewijzingen(connection), leveringen: try Self.leveringen(connection),
            afwijzingen: try Self.afwijzingen(connection), retouren: try Self.retouren(connection))
    }

    /// The first retour of every answered heenbericht, and the earliest day one was made: its
    /// DagtekeningRetour (a 325's Dagtekening), which is the day it became known. The retours that
    /// answer are those that decode.
    private static func retouren(_ connection: SQLiteConnection) throws(LedgerError) -> Retouren {
        var retouren: Retouren = [:]
        _ = try connection.rows(
            """
            SELECT u.heen_positie, min(u.retour_positie), min(r.kennisdatum)
            FROM uitwisseling_paren u LEFT JOIN uitwisseling_berichten r ON r.positie = u.retour_positie
            GROUP BY u.heen_positie
            """
        ) { row in
            retouren[row.int64(0)] = (row.int64(1), row.optionalString(2).flatMap(Datum.init))
        }
        return retouren
    }

    /// Hands the prestaties of every 323 that counts as sent (a 325 that rejects the whole 323
    /// unsends it) to `body`, one toewijzing (standaard, gemeente, number) at a time. A credit is
    /// an exact copy of its debet (IV091), so its debet is on the same toewijzing.
    static func perToewijzing(
        _ connection: SQLiteConnection, _ retouren: Retouren, _ body: ([Prestatie]) -> Void
    ) throws(LedgerError) {
        try perGroep(
            connection, retouren, volgorde: "p.standaard, p.gemeente, p.toewijzing_nummer, p.positie, p.volgnummer",
            zelfdeGroep: { ($0.standaard, $0.gemeente, $0.toewijzingNummer) == ($1.standaard, $1.gemeente, $1.toewijzingNummer) },
            body)
    }

    /// Hands `body` the prestaties (of 323s that count as sent) whose ReferentieNummer the same
    /// aanbieder used more than once in the same domain (TR314), one number at a time.
    static func dubbeleReferenties(
        _ connection: SQLiteConnection, _ retouren: Retouren, _ body: ([Prestatie]) -> Void
    ) throws(LedgerError) {
        try perGroep(
            connection, retouren,
            waar: """
                EXISTS (SELECT 1 FROM declaraties_prestaties q JOIN declaraties_declaraties qd ON qd.positie = q.positie
                        WHERE q.referentie_nummer = p.referentie_nummer
                            AND qd.standaard = p.standaard AND qd.aanbieder = p.aanbieder
                            AND (q.positie != p.positie OR q.volgnummer != p.volgnummer)
                            AND q.positie NOT IN (SELECT positie FROM uitwisseling_afgewezen))
                """,
            volgorde: "p.standaard, p.aanbieder, p.referentie_nummer, p.positie, p.volgnummer",
            zelfdeGroep: { ($0.standaard, $0.aanbieder, $0.referentieNummer) == ($1.standaard, $1.aanbieder, $1.referentieNummer) },
            body)
    }

    /// Hands `body` the prestaties of ``prestaties(_:_:waar:volgorde:_:)`` in groups of neighbours
    /// that `zelfdeGroep` puts together; `volgorde` must sort each group's rows next to each other.
    private static func perGroep(
        _ connection: SQLiteConnection, _ retouren: Retouren, waar: String = "1", volgorde: String,
        zelfdeGroep: (Prestatie, Prestatie) -> Bool, _ body: ([Prestatie]) -> Void
    ) throws(LedgerError) {
        var groep: [Prestatie] = []
        try prestaties(connection, retouren, waar: waar, volgorde: volgorde) { p in
            if let vorige = groep.last, !zelfdeGroep(vorige, p) {
                body(groep)
                groep.removeAll(keepingCapacity: true)
            }
            groep.append(p)
        }
        if !groep.isEmpty { body(groep) }
    }

    /// Hands `body`, one row at a time in `volgorde`, every prestatie of a 323 that counts as sent
    /// and meets the SQL condition `waar` (on `p`, a row of `declaraties_status`).
    private static func prestaties(
        _ connection: SQLiteConnection, _ retouren: Retouren, waar: String = "1", volgorde: String,
        _ body: (Prestatie) -> Void
    ) throws(LedgerError) {
        // `rows` is the one way to step a statement; here each row is handed on, not collected.
        _ = try connection.rows(
            """
            SELECT p.positie, b.dagtekening, p.standaard, p.gemeente, p.aanbieder, p.declaratie_nummer, p.bsn,
                p.referentie_nummer, p.vorig_referentie_nummer, p.toewijzing_nummer, p.product_categorie,
                p.product_code, p.begindatum, p.einddatum, p.geleverd_volume, p.eenheid, p.product_tarief,
                p.debet_credit, p.bedrag, p.status, p.volgnummer,
                EXISTS (SELECT 1 FROM declaraties_crediteringen k
                        WHERE k.credit_positie = p.positie AND k.credit_volgnummer = p.volgnummer)
            FROM declaraties_status p JOIN uitwisseling_berichten b ON b.positie = p.positie
            WHERE p.positie NOT IN (SELECT positie FROM uitwisseling_afgewezen) AND \(waar)
            ORDER BY \(volgorde)
            """
        ) { row in
            guard let dagtekening = row.optionalString(1).flatMap(Datum.init), let begindatum = Datum(row.string(12)),
                let einddatum = Datum(row.string(13))
            else { return }
            let retour = retouren[row.int64(0)]
            body(Prestatie(
                positie: row.int64(0), antwoordPositie: retour?.positie, antwoordDagtekening: retour?.dagtekening,
                dagtekening: dagtekening, standaard: row.string(2), gemeente: row.string(3), aanbieder: row.string(4),
                declaratieNummer: row.string(5), bsn: row.string(6), referentieNummer: row.string(7),
                vorigReferentieNummer: row.optionalString(8), toewijzingNummer: row.int(9),
                productCategorie: row.string(10), productCode: row.string(11), begindatum: begindatum,
                einddatum: einddatum, geleverdVolume: row.int(14), eenheid: row.string(15),
                productTarief: row.optionalInt(16), credit: row.string(17) == "C", bedrag: row.int(18),
                status: row.string(19), volgnummer: row.int(20), exacteKopie: row.int(21) == 1))
        }
    }

    /// Every version whose 301 no 302 rejected, with the dagtekening of the first 301 that carried
    /// it, grouped per toewijzing in the order of `toewijzingen_huidig`.
    private static func toewijzingen(_ connection: SQLiteConnection) throws(LedgerError) -> [String: [Toewijzing]] {
        let inhoud = """
            standaard, gemeente, toewijzing_nummer, toewijzingsdatum, toewijzingstijd, reden_wijziging, einddatum,
            ingangsdatum, volume, eenheid, frequentie, budget, product_categorie, product_code, referentie_aanbieder,
            aanbieder, bsn
            """
        var resultaat: [String: [Toewijzing]] = [:]
        // SQLite takes the bare columns of an aggregate query with min() from the row holding the minimum.
        _ = try connection.rows(
            """
            SELECT min(bekend), positie, standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie,
                product_code, ingangsdatum, einddatum, volume, eenheid, frequentie, budget, reden_wijziging
            FROM (SELECT v.*, b.dagtekening AS bekend
                  FROM toewijzingen_geldig v JOIN uitwisseling_berichten b ON b.positie = v.positie
                  WHERE b.dagtekening IS NOT NULL)
            GROUP BY \(inhoud)
            ORDER BY standaard, gemeente, toewijzing_nummer, \(Toewijzingen.volgorde)
            """
        ) { row in
            guard let dagtekening = Datum(row.string(0)), let ingangsdatum = Datum(row.string(9)) else { return }
            let t = Toewijzing(
                positie: row.int64(1), dagtekening: dagtekening, standaard: row.string(2), gemeente: row.string(3),
                aanbieder: row.string(4), bsn: row.string(5), nummer: row.int(6),
                productCategorie: row.optionalString(7), productCode: row.optionalString(8),
                ingangsdatum: ingangsdatum, einddatum: row.optionalString(10).flatMap(Datum.init),
                volume: row.optionalInt(11), eenheid: row.optionalString(12),
                frequentie: row.optionalString(13).flatMap(Frequentie.init), budget: row.optionalInt(14),
                redenWijziging: row.optionalString(15))
            resultaat[sleutel(t.standaard, t.gemeente, t.nummer), default: []].append(t)
        }
        return resultaat
    }

    /// Every standing start of a toewijzing, with the latest einddatum of its standing stops: a
    /// definitive stop after a temporary one ends on or after it (TR414), so that is the stop
    /// that decides, as in `zorg_perioden`, which ranks the stops in a window where only their
    /// latest einddatum is needed here. Starts and stops are grouped by key in one pass (GROUP BY
    /// takes NULLs as equal, as `IS` does): a join of the two windowed views has no index and
    /// grows with their product.
    private static func leveringen(_ connection: SQLiteConnection) throws(LedgerError) -> [String: [Levering]] {
        let sleutel = "standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code, begindatum"
        var resultaat: [String: [Levering]] = [:]
        _ = try connection.rows(
            """
            SELECT standaard, gemeente, toewijzing_nummer, begindatum, max(einddatum) FROM (
                SELECT \(sleutel), 1 AS start, NULL AS einddatum FROM zorg_starts_geldig
                UNION ALL
                SELECT \(sleutel), 0, einddatum FROM zorg_stops_geldig)
            WHERE toewijzing_nummer IS NOT NULL
            GROUP BY \(sleutel)
            HAVING max(start) = 1
            """
        ) { row in
            resultaat[Self.sleutel(row.string(0), row.string(1), row.int(2)), default: []].append(
                Levering(begindatum: Datum(dagnummer: row.int(3)), einddatum: row.optionalInt(4).map(Datum.init(dagnummer:))))
        }
        return resultaat
    }

    /// Hands every heenbericht of both parties to `body` with the retour that answered it (a retour
    /// answers the heenbericht whose identity it carries).
    static func uitwisselingen(
        _ connection: SQLiteConnection, _ retouren: Retouren, _ body: (Uitwisseling) -> Void
    ) throws(LedgerError) {
        _ = try connection.rows(
            """
            SELECT b.positie, b.standaard, b.gemeente, b.aanbieder, b.berichttype, b.dagtekening,
                \(Berichtindex.enigeBSN(van: "b.positie")), \(Berichtindex.enigeToewijzing(van: "b.positie")),
                substr(b.ontvangen, 1, 10)
            FROM uitwisseling_berichten b
            WHERE b.is_retour = 0 AND b.standaard IS NOT NULL AND b.gemeente IS NOT NULL AND b.aanbieder IS NOT NULL
                AND b.berichttype IS NOT NULL
            ORDER BY b.positie
            """
        ) { row in
            guard let dagtekening = row.optionalString(5).flatMap(Datum.init) else { return }
            let retour = retouren[row.int64(0)]
            body(Uitwisseling(
                positie: row.int64(0), standaard: row.string(1), gemeente: row.string(2), aanbieder: row.string(3),
                berichttype: row.string(4), dagtekening: dagtekening,
                ontvangen: row.optionalString(8).flatMap(Datum.init), retourPositie: retour?.positie,
                retourDagtekening: retour?.dagtekening, bsn: row.optionalString(6),
                toewijzingNummer: row.optionalInt(7)))
        }
    }

    /// Hands every request that counts (not `ongeldig`) to `body` with the 319s and 301s that answer it.
    static func verzoeken(_ connection: SQLiteConnection, _ body: (Verzoek) -> Void) throws(LedgerError) {
        var antwoorden: [String: [(positie: Int64, dagtekening: Datum, antwoord: Verzoek.Antwoord)]] = [:]
        let rijen = try connection.rows(
            """
            SELECT w.positie, w.standaard, w.gemeente, w.aanbieder, w.referentie_aanbieder, b.dagtekening,
                CASE w.verzoek_antwoord WHEN '1' THEN 'afgewezen' ELSE 'onderzoek' END
            FROM verzoeken_antwoorden w JOIN uitwisseling_berichten b ON b.positie = w.positie
            WHERE w.positie NOT IN (SELECT positie FROM uitwisseling_afgewezen)
            UNION ALL
            SELECT t.positie, t.standaard, t.gemeente, t.aanbieder, t.referentie_aanbieder, b.dagtekening, 'toegewezen'
            FROM toewijzingen_geldig t JOIN uitwisseling_berichten b ON b.positie = t.positie
            WHERE t.referentie_aanbieder IS NOT NULL
            """
        ) { row in
            (sleutel: [row.string(1), row.string(2), row.string(3), row.string(4)].joined(separator: "|"),
             positie: row.int64(0), dagtekening: row.optionalString(5).flatMap(Datum.init), soort: row.string(6))
        }
        for rij in rijen {
            guard let dagtekening = rij.dagtekening else { continue }
            let antwoord: Verzoek.Antwoord = switch rij.soort {
            case "afgewezen": .afgewezen
            case "onderzoek": .inOnderzoek
            default: .toegewezen
            }
            antwoorden[rij.sleutel, default: []].append((rij.positie, dagtekening, antwoord))
        }
        _ = try connection.rows(
            """
            SELECT a.positie, a.standaard, a.gemeente, a.aanbieder, a.bsn, a.referentie_aanbieder, a.soort, b.dagtekening,
                substr(b.ontvangen, 1, 10)
            FROM verzoeken_status a JOIN uitwisseling_berichten b ON b.positie = a.positie
            WHERE a.status != 'ongeldig'
            ORDER BY a.positie, a.referentie_aanbieder
            """
        ) { row in
            guard let dagtekening = row.optionalString(7).flatMap(Datum.init) else { return }
            let sleutel = [row.string(1), row.string(2), row.string(3), row.string(5)].joined(separator: "|")
            body(Verzoek(
                positie: row.int64(0), standaard: row.string(1), gemeente: row.string(2), aanbieder: row.string(3),
                bsn: row.string(4), referentieAanbieder: row.string(5), soort: row.string(6), dagtekening: dagtekening,
                ontvangen: row.optionalString(8).flatMap(Datum.init),
                antwoorden: (antwoorden[sleutel] ?? []).sorted { ($0.dagtekening, $0.positie) < ($1.dagtekening, $1.positie) }))
        }
    }

    /// Hands `body`, per standing start and stop, its earliest non-rejected delivery: a later
    /// re-delivery is a correction, which is not late for having come after the first report.
    static func regiemeldingen(_ connection: SQLiteConnection, _ body: (Regiemelding) -> Void) throws(LedgerError) {
        let sleutel = "standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code, begindatum"
        let gelijk = """
            g.standaard = s.standaard AND g.gemeente = s.gemeente AND g.aanbieder = s.aanbieder AND g.bsn = s.bsn
            AND g.toewijzing_nummer IS s.toewijzing_nummer AND g.product_categorie IS s.product_categorie
            AND g.product_code IS s.product_code AND g.begindatum = s.begindatum
            """
        // SQLite takes the bare columns of an aggregate query with min() from the row holding the minimum.
        _ = try connection.rows(
            """
            SELECT min(b.dagtekening), s.positie, s.standaard, s.gemeente, s.aanbieder, s.bsn, s.toewijzing_nummer,
                s.begindatum, 0
            FROM zorg_starts s JOIN uitwisseling_berichten b ON b.positie = s.positie
            WHERE s.status_aanlevering = '1' AND s.positie NOT IN (SELECT positie FROM uitwisseling_afgewezen)
                AND EXISTS (SELECT 1 FROM zorg_starts_geldig g WHERE \(gelijk))
            GROUP BY \(sleutel.split(separator: ", ").map { "s.\($0)" }.joined(separator: ", "))
            UNION ALL
            SELECT min(b.dagtekening), s.positie, s.standaard, s.gemeente, s.aanbieder, s.bsn, s.toewijzing_nummer,
                s.einddatum, 1
            FROM zorg_stops s JOIN uitwisseling_berichten b ON b.positie = s.positie
            WHERE s.status_aanlevering = '1' AND s.positie NOT IN (SELECT positie FROM uitwisseling_afgewezen)
                AND EXISTS (SELECT 1 FROM zorg_stops_geldig g WHERE \(gelijk)
                            AND g.reden_beeindiging = s.reden_beeindiging AND g.einddatum = s.einddatum)
            GROUP BY \(sleutel.split(separator: ", ").map { "s.\($0)" }.joined(separator: ", ")),
                s.reden_beeindiging, s.einddatum
            ORDER BY 2
            """
        ) { row in
            guard let dagtekening = row.optionalString(0).flatMap(Datum.init) else { return }
            let datum = Datum(dagnummer: row.int(7))
            body(Regiemelding(
                positie: row.int64(1), standaard: row.string(2), gemeente: row.string(3), aanbieder: row.string(4),
                bsn: row.string(5), toewijzingNummer: row.optionalInt(6), datum: datum, dagtekening: dagtekening,
                stop: row.int(8) == 1))
        }
    }
}
