public import Berichten
import Kenmerken
public import Ledger
import Projection
import Verzoeken

/// The timeline of one client or one toewijzing: every message about it, in business order,
/// each described in words, with how its retour judged it and what it led to.
///
/// The messages are found through the log's own indexes (`event_bsn`, `event_toewijzing`), the
/// requests a toewijzing honours and the answers to them (a 319 names no client), and every
/// retour of those messages; each is then decoded from the log for its details.
public struct Traject {
    /// What the timeline is about.
    public enum Onderwerp: Sendable {
        case client(bsn: String)
        /// A ToewijzingNummer is unique per gemeente; without a gemeente every gemeente's counts.
        case toewijzing(nummer: Int, gemeente: String?)

        /// Whether a line about this client belongs to the timeline.
        func betreft(bsn: String) -> Bool {
            if case .client(let subject) = self { return subject == bsn }
            return true
        }

        /// Whether a line about this toewijzing (nil: none named) belongs to the timeline.
        func betreft(nummer: Int?, gemeente: String) -> Bool {
            guard case .toewijzing(let subject, let subjectGemeente) = self else { return true }
            return nummer == subject && (subjectGemeente == nil || subjectGemeente == gemeente)
        }
    }

    /// The messages, in business order.
    public private(set) var regels: [TrajectRegel] = []
    /// The current state of what the messages are about.
    public let stand: TrajectStand

    public init(_ onderwerp: Onderwerp, peildatum: Datum, ledger: Ledger, connection: SQLiteConnection) throws(LedgerError) {
        let (kern, parameters) = Self.kern(onderwerp)
        let uitwisseling = try connection.rows(
            """
            WITH \(kern),
            alle(positie) AS (
                SELECT positie FROM kern
                UNION SELECT p.retour_positie FROM kern JOIN uitwisseling_koppelingen p ON p.heen_positie = kern.positie
                UNION SELECT p.heen_positie FROM kern JOIN uitwisseling_koppelingen p ON p.retour_positie = kern.positie)
            SELECT b.positie, s.status,
                CASE WHEN b.is_retour = 1 THEN b.retour_codes
                     ELSE coalesce((SELECT group_concat(p.retour_codes, ' ') FROM uitwisseling_paren p
                                    WHERE p.heen_positie = b.positie), '') END,
                (SELECT min(p.heen_positie) FROM uitwisseling_koppelingen p WHERE p.retour_positie = b.positie)
            FROM alle JOIN uitwisseling_berichten b ON b.positie = alle.positie
            JOIN uitwisseling_status s ON s.positie = b.positie
            """, parameters
        ) { row in
            (
                positie: row.int64(0), status: row.string(1),
                retourCodes: row.list(2).uniqueInOrder(),
                heen: row.optionalInt64(3)
            )
        }
        var berichten: [Int64: Bericht] = [:]
        for rij in uitwisseling {
            berichten[rij.positie] = try? BerichtDecoder.decode(ledger.event(at: rij.positie).payload)
        }

        let bsns: [String]
        let referenties: Set<String>
        switch onderwerp {
        case .client(let bsn):
            bsns = [bsn]
            referenties = []
        case .toewijzing(let nummer, let gemeente):
            let versies = try connection.rows(
                """
                SELECT DISTINCT bsn, referentie_aanbieder FROM toewijzingen_versies
                WHERE toewijzing_nummer = ?1 AND (?2 IS NULL OR gemeente = ?2)
                """, [.integer(nummer), .text(gemeente)]
            ) { ($0.string(0), $0.optionalString(1)) }
            bsns = Array(Set(versies.map(\.0))).sorted()
            referenties = Set(versies.compactMap(\.1))
        }
        let (nummer, gemeente): (Int?, String?) =
            if case .toewijzing(let nummer, let gemeente) = onderwerp { (nummer, gemeente) } else { (nil, nil) }
        var stand = try TrajectStand(
            bsns: bsns, toewijzing: nummer, gemeente: gemeente, peildatum: peildatum, in: connection)
        // A toewijzing's requests are those it honours, not every request of its client.
        if nummer != nil { stand.verzoeken.removeAll { !referenties.contains($0.referentieAanbieder) } }
        self.stand = stand

        // Business order first, then words: a repeated toewijzing version is recognised as such.
        let tijden = Dictionary(uniqueKeysWithValues: berichten.map { ($0.key, Self.tijd(of: $0.value, onderwerp)) })
        let geordend = uitwisseling.sorted { lhs, rhs in
            Self.volgorde(lhs.positie, heen: lhs.heen, berichten[lhs.positie], tijden)
                < Self.volgorde(rhs.positie, heen: rhs.heen, berichten[rhs.positie], tijden)
        }
        var beschrijving = Beschrijving(onderwerp: onderwerp, stand: stand, referenties: referenties)
        for rij in geordend {
            let event = try ledger.event(at: rij.positie)
            let volgorde = Self.volgorde(rij.positie, heen: rij.heen, berichten[rij.positie], tijden)
            var regel = TrajectRegel(
                positie: rij.positie, dagtekening: event.metadata.dagtekening ?? "",
                tijd: volgorde.tijd.isEmpty ? nil : volgorde.tijd, berichttype: event.metadata.berichttype ?? "",
                standaard: event.metadata.standaard ?? "", gemeente: "", aanbieder: "", bsn: nil,
                omschrijving: "een bericht dat deze versie van zorgledger niet kan lezen", status: rij.status,
                retourCodes: rij.retourCodes, details: [])
            if let bericht = berichten[rij.positie] {
                let (omschrijving, details) = beschrijving.beschrijf(bericht)
                regel.dagtekening = Self.datum(of: bericht).description
                regel.gemeente = bericht.gemeente
                regel.aanbieder = bericht.aanbieder
                regel.omschrijving = omschrijving
                regel.details = details
                regel.bsn =
                    bericht.bsns.first(where: bsns.contains)
                    ?? rij.heen.flatMap { berichten[$0]?.bsns.first(where: bsns.contains) }
                    ?? (bsns.count == 1 ? bsns[0] : nil)
            }
            regels.append(regel)
        }
    }

    /// The messages about the subject itself, as a CTE `kern(positie)`, with its parameters. The
    /// CTEs are read under their own names and before the tables they probe (CROSS JOIN keeps that
    /// order), so every table is searched through an index, also under a knowledge window. The
    /// log's index tables are read through their own queries (``Berichtindex``), which come first
    /// so their plain `?`s are ?1 (and ?2): the parameters the rest names by number.
    private static func kern(_ onderwerp: Onderwerp) -> (String, [SQLValue]) {
        switch onderwerp {
        case .client(let bsn):
            (
                """
                genoemd(positie) AS (\(Berichtindex.bsn)),
                kern(positie) AS (
                    SELECT positie FROM genoemd
                    UNION SELECT w.positie FROM genoemd CROSS JOIN verzoeken_aanvragen a ON a.positie = genoemd.positie
                    JOIN verzoeken_antwoorden w USING (standaard, gemeente, aanbieder, referentie_aanbieder)
                    WHERE a.bsn = ?1)
                """, [.text(bsn)]
            )
        case .toewijzing(let nummer, let gemeente):
            (
                """
                genoemd(positie) AS (\(gemeente == nil ? Berichtindex.toewijzing : Berichtindex.toewijzingVanGemeente)),
                verzoek(standaard, gemeente, aanbieder, referentie_aanbieder) AS (
                    SELECT DISTINCT standaard, gemeente, aanbieder, referentie_aanbieder FROM toewijzingen_versies
                    WHERE toewijzing_nummer = ?1 AND (?2 IS NULL OR gemeente = ?2)
                        AND referentie_aanbieder IS NOT NULL),
                kern(positie) AS (
                    SELECT positie FROM genoemd
                    UNION SELECT a.positie FROM verzoek CROSS JOIN verzoeken_aanvragen a
                        ON a.standaard = verzoek.standaard AND a.gemeente = verzoek.gemeente
                        AND a.aanbieder = verzoek.aanbieder AND a.referentie_aanbieder = verzoek.referentie_aanbieder
                    UNION SELECT w.positie FROM verzoek CROSS JOIN verzoeken_antwoorden w
                        ON w.standaard = verzoek.standaard AND w.gemeente = verzoek.gemeente
                        AND w.aanbieder = verzoek.aanbieder AND w.referentie_aanbieder = verzoek.referentie_aanbieder)
                """, [.integer(nummer), .text(gemeente)]
            )
        }
    }

    /// The day a message was made: a retour's own DagtekeningRetour, else its Dagtekening.
    private static func datum(of bericht: Bericht) -> Datum {
        bericht.header.dagtekeningRetour ?? bericht.header.dagtekening
    }

    /// The latest moment of decision among the toewijzingen of a 301 (or 302) about the subject.
    private static func tijd(of bericht: Bericht, _ onderwerp: Onderwerp) -> String? {
        let producten: [ToegewezenProduct] =
            switch bericht.inhoud {
            case .toewijzing(_, let producten), .toewijzingRetour(_, let producten): producten
            default: []
            }
        return producten.filter { onderwerp.betreft(nummer: $0.toewijzingNummer, gemeente: bericht.gemeente) }
            .max { ($0.toewijzingsdatum, $0.toewijzingstijd) < ($1.toewijzingsdatum, $1.toewijzingstijd) }?
            .toewijzingstijd.description
    }

    /// The process step of each message type: requests and answers before toewijzingen, then
    /// delivery, then claims; every retour right after its heenbericht's type.
    private static let stappen: [Berichttype] = [
        .verzoekOmToewijzing, .verzoekOmToewijzingRetour, .verzoekOmWijziging, .verzoekOmWijzigingRetour,
        .antwoord, .antwoordRetour, .toewijzing, .toewijzingRetour, .start, .startRetour, .stop, .stopRetour,
        .declaratie, .declaratieAntwoord,
    ]

    /// The sort key of business order (see ``TrajectRegel``): day, process step, time, position.
    private struct Volgorde: Comparable {
        var datum: String
        var stap: Int
        var tijd: String
        var positie: Int64

        static func < (lhs: Volgorde, rhs: Volgorde) -> Bool {
            (lhs.datum, lhs.stap, lhs.tijd, lhs.positie) < (rhs.datum, rhs.stap, rhs.tijd, rhs.positie)
        }
    }

    private static func volgorde(
        _ positie: Int64, heen: Int64?, _ bericht: Bericht?, _ tijden: [Int64: String?]
    ) -> Volgorde {
        Volgorde(
            datum: bericht.map { datum(of: $0).description } ?? "",
            stap: bericht.flatMap { stappen.firstIndex(of: $0.berichttype) } ?? stappen.count,
            tijd: (tijden[positie] ?? nil) ?? heen.flatMap { tijden[$0] ?? nil } ?? "",
            positie: positie)
    }
}
