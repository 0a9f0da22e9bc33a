public import Berichten
public import Ledger
public import Projection
import Uitwisseling

/// Every prestatie of every 323 and what the 325 made of it (report §6.6, §8.5).
///
/// The 325 lists only the prestaties it rejects (TR342); a 323 whose 325 rejects it as a whole
/// counts as not sent. The two kinds of rejection, `declaraties_afgewezen` (per prestatie) and
/// `declaraties_afgewezen_geheel` (per 323), are joined through the exchange state, so a 325 recorded before its 323 is matched all the same.
///
/// A prestatie is keyed by its 323 and its place in it, not by its ReferentieNummer: a number
/// used twice (TR314) keeps both lines. A 325 names prestaties by ReferentieNummer only, so what
/// it says about a number that occurs twice in its 323 applies to both lines.
public struct Declaraties: Projection {
    public let name = "declaraties"
    public let version = 7
    public let tableNames = ["declaraties_declaraties", "declaraties_prestaties", "declaraties_antwoorden",
                             "declaraties_antwoord_prestaties"]
    public let viewNames = ["declaraties_afgewezen", "declaraties_afgewezen_geheel", "declaraties_crediteringen",
                            "declaraties_status", "declaraties_totalen"]

    public init() {}

    public let tables = """
        -- One row per 323.
        CREATE TABLE declaraties_declaraties (
            positie           INTEGER PRIMARY KEY, -- log position of the 323
            standaard         TEXT NOT NULL,
            gemeente          TEXT NOT NULL,
            aanbieder         TEXT NOT NULL,
            declaratie_nummer TEXT NOT NULL,
            periode_begin     INTEGER NOT NULL,    -- DeclaratiePeriode, one calendar month (day numbers)
            periode_eind      INTEGER NOT NULL,
            totaal_ingediend  INTEGER NOT NULL     -- signed eurocent: credit negative
        ) STRICT;
        -- One row per Prestatie of a 323; its standaard, gemeente, aanbieder and declaratie_nummer
        -- are its 323's, in `declaraties_declaraties`.
        CREATE TABLE declaraties_prestaties (
            positie                 INTEGER NOT NULL, -- log position of the 323
            volgnummer              INTEGER NOT NULL, -- its place in the 323, from 1
            bsn                     TEXT NOT NULL,
            referentie_nummer       TEXT NOT NULL,    -- ProductReferentie, unique per aanbieder (TR314)
            vorig_referentie_nummer TEXT,             -- on a credit: the prestatie it credits
            toewijzing_nummer       INTEGER NOT NULL,
            product_categorie       TEXT NOT NULL,
            product_code            TEXT NOT NULL,
            begindatum              INTEGER NOT NULL, -- ProductPeriode (day numbers)
            einddatum               INTEGER NOT NULL,
            geleverd_volume         INTEGER NOT NULL,
            eenheid                 TEXT NOT NULL,
            product_tarief          INTEGER,          -- eurocent per unit; absent for Eenheid 83
            debet_credit            TEXT NOT NULL,    -- D or C
            bedrag                  INTEGER NOT NULL, -- signed eurocent: credit negative
            PRIMARY KEY (positie, volgnummer)
        ) STRICT, WITHOUT ROWID;
        -- One row per 325: what it says about its 323 as a whole (its 323 is found through the
        -- exchange state).
        CREATE TABLE declaraties_antwoorden (
            positie           INTEGER PRIMARY KEY, -- log position of the 325
            totaal_toegekend  INTEGER,             -- signed eurocent
            afwijzende_codes  TEXT NOT NULL        -- codes that reject the whole 323, space-separated
        ) STRICT;
        -- One row per rejected Prestatie listed in a 325.
        CREATE TABLE declaraties_antwoord_prestaties (
            positie           INTEGER NOT NULL,    -- log position of the 325
            volgnummer        INTEGER NOT NULL,    -- its place in the 325, from 1
            referentie_nummer TEXT NOT NULL,
            retour_codes      TEXT NOT NULL,       -- space-separated
            PRIMARY KEY (positie, volgnummer)
        ) STRICT, WITHOUT ROWID;
        """

    public let indexes = """
        -- A number is unique per aanbieder (TR314): the few lines of other aanbieders that share
        -- it are told apart through their 323.
        CREATE INDEX declaraties_prestaties_referentie ON declaraties_prestaties (referentie_nummer);
        CREATE INDEX declaraties_prestaties_vorig ON declaraties_prestaties (vorig_referentie_nummer)
            WHERE vorig_referentie_nummer IS NOT NULL;
        """

    /// The SQL condition "the prestatie `p` was rejected": listed in its 323's 325, or part of a
    /// 323 that its 325 rejected as a whole.
    private static func afgewezen(_ p: String) -> String {
        """
        (EXISTS (SELECT 1 FROM declaraties_afgewezen a
                 WHERE a.positie = \(p).positie AND a.referentie_nummer = \(p).referentie_nummer)
            OR EXISTS (SELECT 1 FROM declaraties_afgewezen_geheel g WHERE g.positie = \(p).positie))
        """
    }

    /// The two kinds of rejection are two views, not one UNION ALL: an aggregate over a compound
    /// view cannot take its correlated condition inside, so SQLite would run the whole union for
    /// every prestatie (the `retour_codes` of `declaraties_status`).
    public let views = """
        -- Prestaties (by 323 position and ReferentieNummer) that their 323's 325 lists as rejected,
        -- with the codes that rejected them.
        CREATE VIEW declaraties_afgewezen AS
        SELECT u.heen_positie AS positie, f.referentie_nummer, f.retour_codes
        FROM uitwisseling_paren u JOIN declaraties_antwoord_prestaties f ON f.positie = u.retour_positie;
        -- 323s (by position) that their 325 rejected as a whole, with the codes that rejected them.
        CREATE VIEW declaraties_afgewezen_geheel AS
        SELECT u.heen_positie AS positie, d.afwijzende_codes AS retour_codes
        FROM uitwisseling_paren u JOIN declaraties_antwoorden d ON d.positie = u.retour_positie
        WHERE u.afwijzend = 1;
        -- Every credit that is an exact copy (IV091) of an approved debet: the same client,
        -- toewijzing, product, period, volume, eenheid, tarief and amount, a new ReferentieNummer,
        -- VorigReferentieNummer the debet's; the debet answered by a 325 and not rejected. Whether
        -- the credit itself was rejected is left to the reader.
        CREATE VIEW declaraties_crediteringen AS
        SELECT c.positie AS credit_positie, c.volgnummer AS credit_volgnummer,
            d.positie AS debet_positie, d.volgnummer AS debet_volgnummer,
            \(Self.afgewezen("c")) AS credit_afgewezen
        FROM declaraties_prestaties c JOIN declaraties_declaraties cd ON cd.positie = c.positie
        JOIN declaraties_prestaties d
            ON d.referentie_nummer = c.vorig_referentie_nummer
                AND d.debet_credit = 'D' AND d.referentie_nummer != c.referentie_nummer
                AND d.bsn = c.bsn AND d.toewijzing_nummer = c.toewijzing_nummer
                AND d.product_categorie = c.product_categorie AND d.product_code = c.product_code
                AND d.begindatum = c.begindatum AND d.einddatum = c.einddatum
                AND d.geleverd_volume = c.geleverd_volume AND d.eenheid = c.eenheid
                AND d.product_tarief IS c.product_tarief AND d.bedrag = -c.bedrag
        JOIN declaraties_declaraties dd
            ON dd.positie = d.positie AND dd.standaard = cd.standaard AND dd.aanbieder = cd.aanbieder
                AND dd.gemeente = cd.gemeente
        WHERE c.debet_credit = 'C'
            AND EXISTS (SELECT 1 FROM uitwisseling_paren u WHERE u.heen_positie = d.positie)
            AND NOT \(Self.afgewezen("d"));
        -- Per prestatie: afgewezen, gecrediteerd (a credit that was not rejected is an exact copy
        -- of it, also one still waiting for its 325), toegekend (answered, not rejected) or
        -- ingediend (no 325 yet). A credit that is no exact copy leaves its debet standing. Whether
        -- any line names this prestatie's number as VorigReferentieNummer is asked first: one index
        -- probe that spares most prestaties the lookups of the exact-copy check.
        CREATE VIEW declaraties_status AS
        SELECT p.positie, p.volgnummer, d.standaard, d.gemeente, d.aanbieder, d.declaratie_nummer, p.bsn,
            p.referentie_nummer, p.vorig_referentie_nummer, p.toewijzing_nummer, p.product_categorie,
            p.product_code, \(Compact.datum(sql: "p.begindatum")) AS begindatum,
            \(Compact.datum(sql: "p.einddatum")) AS einddatum, p.geleverd_volume, p.eenheid, p.product_tarief,
            p.debet_credit, p.bedrag,
            CASE WHEN \(Self.afgewezen("p")) THEN 'afgewezen'
                 WHEN EXISTS (SELECT 1 FROM declaraties_prestaties c WHERE c.vorig_referentie_nummer = p.referentie_nummer)
                     AND EXISTS (SELECT 1 FROM declaraties_crediteringen k
                                 WHERE k.debet_positie = p.positie AND k.debet_volgnummer = p.volgnummer
                                     AND k.credit_afgewezen = 0)
                     THEN 'gecrediteerd'
                 WHEN EXISTS (SELECT 1 FROM uitwisseling_paren u WHERE u.heen_positie = p.positie) THEN 'toegekend'
                 ELSE 'ingediend' END AS status,
            trim(coalesce((SELECT group_concat(a.retour_codes, ' ') FROM declaraties_afgewezen a
                           WHERE a.positie = p.positie AND a.referentie_nummer = p.referentie_nummer), '')
                 || ' ' || coalesce((SELECT group_concat(g.retour_codes, ' ') FROM declaraties_afgewezen_geheel g
                                     WHERE g.positie = p.positie), '')) AS retour_codes
        FROM declaraties_prestaties p JOIN declaraties_declaraties d ON d.positie = p.positie;
        -- Per 323: the submitted total and, once a 325 accepted it, the awarded total.
        CREATE VIEW declaraties_totalen AS
        SELECT d.positie, d.standaard, d.gemeente, d.aanbieder, d.declaratie_nummer,
            \(Compact.datum(sql: "d.periode_begin")) AS periode_begin,
            \(Compact.datum(sql: "d.periode_eind")) AS periode_eind, d.totaal_ingediend,
            (SELECT max(a.totaal_toegekend) FROM uitwisseling_paren u JOIN declaraties_antwoorden a
                 ON a.positie = u.retour_positie
             WHERE u.heen_positie = d.positie AND u.afwijzend = 0) AS totaal_toegekend
        FROM declaraties_declaraties d;
        """

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard let bericht else { return }
        let positie = SQLValue.integer(Int(event.position))
        let kop: [SQLValue] = [.text(bericht.standaard.rawValue), .text(bericht.gemeente), .text(bericht.aanbieder)]
        switch bericht.inhoud {
        case .declaratie(let declaratie):
            try database.run(
                "INSERT INTO declaraties_declaraties VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                [positie] + kop + [
                    .text(declaratie.declaratieNummer), Compact.datum(declaratie.declaratiePeriode.begindatum),
                    Compact.datum(declaratie.declaratiePeriode.einddatum),
                    .integer(declaratie.totaalIngediendBedrag.metTeken),
                ])
            let prestaties = declaratie.clienten.flatMap { client in client.prestaties.map { (client.client.bsn, $0) } }
            for (index, (bsn, prestatie)) in prestaties.enumerated() {
                try database.run(
                    """
                    INSERT INTO declaraties_prestaties VALUES
                        (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                    """,
                    [
                        positie, .integer(index + 1), .text(bsn),
                        .text(prestatie.referentieNummer), .text(prestatie.vorigReferentieNummer),
                        .integer(prestatie.toewijzingNummer), .text(prestatie.productCategorie),
                        .text(prestatie.productCode), Compact.datum(prestatie.productPeriode.begindatum),
                        Compact.datum(prestatie.productPeriode.einddatum), .integer(prestatie.geleverdVolume),
                        .text(prestatie.eenheid.rawValue), .integer(prestatie.productTarief),
                        .text(prestatie.ingediendBedrag.debetCredit.rawValue),
                        .integer(prestatie.ingediendBedrag.metTeken),
                    ])
            }
        case .declaratieAntwoord(let antwoord):
            try database.run(
                "INSERT INTO declaraties_antwoorden VALUES (?1, ?2, ?3)",
                [
                    positie, .integer(antwoord?.totaalToegekendBedrag.metTeken),
                    .text(bericht.afwijzendeDeclaratieCodes.joined(separator: " ")),
                ])
            let prestaties = (antwoord?.clienten ?? []).flatMap(\.prestaties)
            for (index, prestatie) in prestaties.enumerated() {
                try database.run(
                    "INSERT INTO declaraties_antwoord_prestaties VALUES (?1, ?2, ?3, ?4)",
                    [
                        positie, .integer(index + 1), .text(prestatie.referentieNummer),
                        .text(prestatie.retourCodes.joined(separator: " ")),
                    ])
            }
        default:
            return
        }
    }
}
