public import Berichten
public import Ledger
public import Projection
import Toewijzingen
import Uitwisseling

/// Requests (VOT per AangevraagdProduct, VOW as a whole) and their answers, keyed by
/// ReferentieAanbieder (report §6.5, §8.2).
///
/// The status is derived in `verzoeken_status` from three kinds of facts, whatever order they
/// arrived in: the request's own exchange state, the 319s that answer it, and the non-rejected
/// 301s of the same gemeente and aanbieder that carry its reference.
public struct Verzoeken: Projection {
    public let name = "verzoeken"
    public let version = 5
    public let tableNames = ["verzoeken_aanvragen", "verzoeken_antwoorden"]
    public let viewNames = ["verzoeken_status"]

    public init() {}

    public let tables = """
        -- One row per AangevraagdProduct of a 315 (soort VOT) and one per 317 (soort VOW).
        CREATE TABLE verzoeken_aanvragen (
            positie              INTEGER NOT NULL, -- log position of the 315/317
            regel                INTEGER NOT NULL, -- the product's place in a 315; 1 for a 317
            standaard            TEXT NOT NULL,
            gemeente             TEXT NOT NULL,
            aanbieder            TEXT NOT NULL,
            bsn                  TEXT NOT NULL,
            referentie_aanbieder TEXT NOT NULL,    -- unique per aanbieder and domain (TR347)
            soort                TEXT NOT NULL,    -- VOT or VOW
            PRIMARY KEY (positie, regel)
        ) STRICT, WITHOUT ROWID;
        -- One row per 319: the gemeente's answer to one VOT product or one VOW.
        CREATE TABLE verzoeken_antwoorden (
            positie                  INTEGER PRIMARY KEY, -- log position of the 319
            standaard                TEXT NOT NULL,
            gemeente                 TEXT NOT NULL,
            aanbieder                TEXT NOT NULL,
            referentie_aanbieder     TEXT NOT NULL,
            verzoek_antwoord         TEXT NOT NULL,       -- 1 afgewezen, 2 in onderzoek
            reden_afwijzing_verzoek  TEXT
        ) STRICT;
        """

    public let indexes = """
        -- A toewijzing's timeline finds the requests it honours by their reference.
        CREATE INDEX verzoeken_aanvragen_referentie ON verzoeken_aanvragen (referentie_aanbieder);
        CREATE INDEX verzoeken_antwoorden_referentie ON verzoeken_antwoorden (referentie_aanbieder);
        """

    public var views: String {
        let antwoord = """
            FROM verzoeken_antwoorden w
            WHERE w.standaard = a.standaard AND w.gemeente = a.gemeente AND w.aanbieder = a.aanbieder
                AND w.referentie_aanbieder = a.referentie_aanbieder AND \(Uitwisseling.nietAfgewezen("w.positie"))
            """
        return """
            -- Per request: ongeldig (its 316/318 rejected it), toegewezen (a non-rejected 301 carries
            -- its reference), afgewezen or in_onderzoek (a non-rejected 319), else ingediend; the
            -- first that applies wins.
            CREATE VIEW verzoeken_status AS
            SELECT a.positie, a.standaard, a.gemeente, a.aanbieder, a.bsn, a.referentie_aanbieder, a.soort,
                CASE WHEN \(Uitwisseling.afgewezen("a.positie")) THEN 'ongeldig'
                     WHEN EXISTS (SELECT 1 FROM toewijzingen_geldig t
                                  WHERE t.standaard = a.standaard AND t.gemeente = a.gemeente
                                      AND t.aanbieder = a.aanbieder
                                      AND t.referentie_aanbieder = a.referentie_aanbieder) THEN 'toegewezen'
                     WHEN EXISTS (SELECT 1 \(antwoord) AND w.verzoek_antwoord = '1') THEN 'afgewezen'
                     WHEN EXISTS (SELECT 1 \(antwoord) AND w.verzoek_antwoord = '2') THEN 'in_onderzoek'
                     ELSE 'ingediend' END AS status,
                (SELECT min(w.reden_afwijzing_verzoek) \(antwoord) AND w.verzoek_antwoord = '1')
                    AS reden_afwijzing_verzoek
            FROM verzoeken_aanvragen a;
            """
    }

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard let bericht else { return }
        let kop: [SQLValue] = [.text(bericht.standaard.rawValue), .text(bericht.gemeente), .text(bericht.aanbieder)]
        let aanvraag = "INSERT INTO verzoeken_aanvragen VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        switch bericht.inhoud {
        case .verzoekOmToewijzing(let client, _, let producten):
            for (index, product) in producten.enumerated() {
                try database.run(
                    aanvraag,
                    [.integer(Int(event.position)), .integer(index + 1)] + kop
                        + [.text(client.bsn), .text(product.referentieAanbieder), .text("VOT")])
            }
        case .verzoekOmWijziging(let client, let verzoek):
            try database.run(
                aanvraag,
                [.integer(Int(event.position)), .integer(1)] + kop
                    + [.text(client.bsn), .text(verzoek.referentieAanbieder), .text("VOW")])
        case .antwoord(let antwoord):
            try database.run(
                "INSERT INTO verzoeken_antwoorden VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                [.integer(Int(event.position))] + kop + [
                    .text(antwoord.referentieAanbieder), .text(antwoord.verzoekAntwoord.rawValue),
                    .text(antwoord.redenAfwijzingVerzoek?.rawValue),
                ])
        default:
            return
        }
    }
}
