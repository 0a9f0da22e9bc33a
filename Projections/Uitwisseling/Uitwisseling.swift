public import Berichten
import Kenmerken
public import Ledger
public import Projection

/// The exchange state: every message in the log, and for every heenbericht whether a retour
/// (302/306/308/316/318/320, or a 325 for a 323) accepted or rejected it.
///
/// A retour is matched to its heenbericht by BerichtCode, Afzender and Identificatie when either
/// of the two is applied, looking for the other among the messages already recorded, so a retour
/// recorded before its heenbericht is linked all the same and the links do not depend on order.
/// Every status read follows that link instead of matching identities again.
/// A retour that no longer decodes is kept and linked, but answers nothing: its heenbericht stays
/// `verzonden` and its deadline keeps running, rather than an unread verdict counting as acceptance.
/// The other projections leave out the facts of every position in `uitwisseling_afgewezen`:
/// a rejected heenbericht counts as not sent (report §6.1).
public struct Uitwisseling: Projection {
    public let name = "uitwisseling"
    public let version = 7
    public let tableNames = ["uitwisseling_berichten", "uitwisseling_koppeling"]
    public let viewNames = ["uitwisseling_koppelingen", "uitwisseling_paren", "uitwisseling_afgewezen", "uitwisseling_status"]

    public init() {}

    public let tables = """
        -- One row per message in the log.
        CREATE TABLE uitwisseling_berichten (
            positie            INTEGER PRIMARY KEY, -- the global log position
            standaard          TEXT,                -- iWmo or iJw
            release            TEXT,                -- e.g. 3.2
            bericht_code       INTEGER,             -- header BerichtCode, e.g. 436
            berichttype        TEXT,                -- 301 … 325
            afzender           TEXT,
            ontvanger          TEXT,
            identificatie      TEXT,                -- header BerichtIdentificatie/Identificatie
            dagtekening        TEXT,                -- YYYY-MM-DD
            bestand            TEXT,                -- the file it was ingested from, if any
            gemeente           TEXT,                -- 4-digit CBS code, whichever side it is on
            aanbieder          TEXT,                -- 8-digit AGB code, whichever side it is on
            is_retour          INTEGER NOT NULL,    -- 1 for 302/306/308/316/318/320/325
            heen_code          INTEGER,             -- for a retour: the heenbericht's BerichtCode,
            heen_afzender      TEXT,                --   Afzender
            heen_identificatie TEXT,                --   and Identificatie
            retour_codes       TEXT NOT NULL,       -- every RetourCode in it, space-separated
            afwijzend          INTEGER NOT NULL,    -- 1 when this retour rejects its heenbericht
            bevindingen        TEXT NOT NULL,       -- level-2 rule codes it breaks, space-separated
            kennisdatum        TEXT NOT NULL,       -- the day it became known: a retour's DagtekeningRetour,
                                                    --   else its Dagtekening (see `kennisdatum(of:_:)`)
            transport          TEXT NOT NULL,       -- bestand, vecozo or ggk
            transport_id       TEXT,                -- the VSP traceerId or StUF referentienummer
            ontvangen          TEXT                 -- ISO 8601 moment of receipt, when the transport gives it
        ) STRICT;
        CREATE INDEX uitwisseling_berichten_identiteit
            ON uitwisseling_berichten (bericht_code, afzender, identificatie);
        -- Finds the retours of a heenbericht when it is applied.
        CREATE INDEX uitwisseling_berichten_heen
            ON uitwisseling_berichten (heen_code, heen_afzender, heen_identificatie) WHERE heen_code IS NOT NULL;
        -- One row per heenbericht and retour that names it (the same BerichtCode, Afzender and
        -- Identificatie), with what the retour says: one index probe for every status read.
        CREATE TABLE uitwisseling_koppeling (
            heen_positie INTEGER NOT NULL,
            positie      INTEGER NOT NULL, -- the retour's
            afwijzend    INTEGER NOT NULL, -- the retour's afwijzend
            retour_codes TEXT NOT NULL,    -- the retour's retour_codes
            beantwoordt  INTEGER NOT NULL, -- 0 when the retour breaks its schema: it answers nothing
            PRIMARY KEY (heen_positie, positie)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX uitwisseling_koppeling_retour ON uitwisseling_koppeling (positie);
        """

    public let views = """
        -- Every heenbericht with each retour that names it, whichever was recorded first, and
        -- whether that retour answers it: one that breaks its schema (recorded for its header
        -- alone, flagged XSD) carries no readable verdict, so it answers nothing (report §6.1).
        -- The join keeps a link to a heenbericht outside a knowledge window out of it.
        CREATE VIEW uitwisseling_koppelingen AS
        SELECT k.heen_positie, k.positie AS retour_positie, k.afwijzend, k.retour_codes, k.beantwoordt
        FROM uitwisseling_koppeling k JOIN uitwisseling_berichten h ON h.positie = k.heen_positie;
        -- Every heenbericht with each retour that answers it: the readable ones.
        CREATE VIEW uitwisseling_paren AS
        SELECT heen_positie, retour_positie, afwijzend, retour_codes FROM uitwisseling_koppelingen WHERE beantwoordt;
        -- The positions of rejected heenberichten: they count as not sent.
        CREATE VIEW uitwisseling_afgewezen AS
        SELECT DISTINCT heen_positie AS positie FROM uitwisseling_paren WHERE afwijzend = 1;
        -- Per message: verzonden (no retour yet), geaccepteerd, afgewezen, or retour.
        CREATE VIEW uitwisseling_status AS
        SELECT b.positie,
            CASE WHEN b.is_retour = 1 THEN 'retour'
                 WHEN EXISTS (SELECT 1 FROM uitwisseling_paren p WHERE p.heen_positie = b.positie AND p.afwijzend = 1)
                     THEN 'afgewezen'
                 WHEN EXISTS (SELECT 1 FROM uitwisseling_paren p WHERE p.heen_positie = b.positie) THEN 'geaccepteerd'
                 ELSE 'verzonden' END AS status
        FROM uitwisseling_berichten b;
        """

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard event.kind == .bericht else { return }
        let metadata = event.metadata
        let heen = bericht?.heenIdentiteit
        try database.run(
            """
            INSERT INTO uitwisseling_berichten VALUES
                (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                 ?23)
            """,
            [
                .integer(Int(event.position)), .text(metadata.standaard), .text(metadata.release),
                .integer(metadata.berichtCode), .text(metadata.berichttype), .text(metadata.afzender),
                .text(metadata.ontvanger), .text(metadata.identificatie), .text(metadata.dagtekening),
                .text(event.source), .text(bericht?.gemeente ?? Self.party(of: metadata, digits: 4)),
                .text(bericht?.aanbieder ?? Self.party(of: metadata, digits: 8)),
                .integer(bericht?.berichttype.isRetour ?? (metadata.heenbericht != nil) ? 1 : 0),
                .integer(heen?.berichtCode ?? metadata.heenbericht?.berichtCode),
                .text(heen?.afzender ?? metadata.heenbericht?.afzender),
                .text(heen?.identificatie ?? metadata.heenbericht?.identificatie),
                .text(bericht?.retourCodes.joined(separator: " ") ?? ""),
                .integer(bericht?.wijstHeenberichtAf == true ? 1 : 0),
                // A message that no longer decodes was recorded for its header alone: it breaks its schema.
                .text(bericht.map { Self.unique($0.bevindingen().map(\.regel)).joined(separator: " ") } ?? "XSD"),
                // Before ledger format 3 recorded the transport, every message came in as a file.
                .text(Self.kennisdatum(of: event, bericht)), .text(metadata.transport ?? "bestand"),
                .text(metadata.transportId),
                .text(metadata.ontvangen),
            ])
        for kant in ["h", "r"] {
            try database.run(
                """
                INSERT OR IGNORE INTO uitwisseling_koppeling
                SELECT h.positie, r.positie, r.afwijzend, r.retour_codes,
                    ' ' || r.bevindingen || ' ' NOT LIKE '% XSD %'
                FROM uitwisseling_berichten h JOIN uitwisseling_berichten r
                    ON r.heen_code = h.bericht_code AND r.heen_afzender = h.afzender
                        AND r.heen_identificatie = h.identificatie
                WHERE h.is_retour = 0 AND \(kant).positie = ?1
                """,
                [.integer(Int(event.position))])
        }
    }

    /// Every message counts as known from its `kennisdatum`.
    public var kennisdata: String? { "SELECT positie, kennisdatum FROM uitwisseling_berichten" }

    /// The day a message became known (knowledge time, report §4 header, §6.1): a retour
    /// (302 … 320) by its own DagtekeningRetour, a 325 and every heenbericht by its Dagtekening.
    /// A message that no longer decodes keeps the Dagtekening recorded at append time, which for
    /// a retour is its heenbericht's, the earliest it can have been made; without that, the day
    /// the ledger recorded it.
    static func kennisdatum(of event: StoredEvent, _ bericht: Bericht?) -> String {
        if let header = bericht?.header { return (header.dagtekeningRetour ?? header.dagtekening).description }
        return event.metadata.dagtekening ?? String(event.recordedAt.prefix(10))
    }

    /// The gemeente (4 digits) or aanbieder (8 digits) among a message's two parties.
    private static func party(of metadata: EventMetadata, digits: Int) -> String? {
        [metadata.afzender, metadata.ontvanger].compactMap { $0 }.first { $0.utf8.count == digits }
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }

    /// The SQL condition "the fact at `positie` was not carried by a rejected heenbericht".
    ///
    /// Correlated, so it costs two index lookups per fact (its links by heenbericht, the
    /// heenbericht by position) and a lookup of one client never reads the retours of all others.
    public static func nietAfgewezen(_ positie: String) -> String {
        "NOT \(afgewezen(positie))"
    }

    /// The SQL condition "the heenbericht at `positie` was rejected by a readable retour".
    public static func afgewezen(_ positie: String) -> String {
        "EXISTS (SELECT 1 FROM uitwisseling_paren x WHERE x.heen_positie = \(positie) AND x.afwijzend = 1)"
    }
}
