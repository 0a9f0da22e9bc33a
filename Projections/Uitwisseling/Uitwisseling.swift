public import Berichten
import Kenmerken
public import Ledger
public import Projection

/// The exchange state: every message in the log, and for every heenbericht whether a retour
/// (302/306/308/316/318/320, or a 325 for a 323) accepted or rejected it.
///
/// A retour is matched to its heenbericht by BerichtCode, Afzender and Identificatie when the run
/// of events holding either of the two has been applied, looking for the other among the messages
/// recorded so far, so a retour recorded before its heenbericht is linked all the same and the
/// links do not depend on order.
/// Every status read follows that link instead of matching identities again.
/// A retour that no longer decodes is kept and linked, but answers nothing: its heenbericht stays
/// `verzonden` and its deadline keeps running, rather than an unread verdict counting as acceptance.
/// The other projections leave out the facts of every position in `uitwisseling_afgewezen`:
/// a rejected heenbericht counts as not sent (report §6.1).
public struct Uitwisseling: Projection {
    public let name = "uitwisseling"
    public let version = 14
    public let tableNames = ["uitwisseling_feiten", "uitwisseling_koppeling"]
    public let viewNames = [
        "uitwisseling_berichten", "uitwisseling_koppelingen", "uitwisseling_paren", "uitwisseling_afgewezen",
        "uitwisseling_status",
    ]

    public init() {}

    // The code lists are typed as optionals, as `Compact.choice(_:among:)` takes them: no conversion per message.
    /// The releases a message can be decoded in, the newest (and commonest) first.
    private static let releases: [String?] = Release.supported.reversed().map(\.description)
    private static let standaarden: [String?] = Standaard.allCases.map(\.rawValue)
    private static let berichttypen: [String?] = Berichttype.allCases.map(\.rawValue)

    /// How a message came in; a ledger before format 3 recorded none, and every message then came in as a file.
    private static let transporten: [String?] = ["bestand", "vecozo", "ggk"]

    public let tables = """
        -- One row per message in the log, each value in its smallest exact form (see `Compact`);
        -- `uitwisseling_berichten` reads them back as text, and the file it came from in `event_sources`.
        CREATE TABLE uitwisseling_feiten (
            positie            INTEGER PRIMARY KEY, -- the global log position
            standaard          ANY,                 -- iWmo or iJw: 0 or 1
            release            ANY,                 -- 3.2, 3.1 or 3.0: 0, 1 or 2
            bericht_code       INTEGER,             -- header BerichtCode, e.g. 436
            berichttype        ANY,                 -- 301 … 325: its place among them
            afzender           ANY,                 -- a code of digits as "1" and those digits (`Compact.cijfers`)
            ontvanger          ANY,
            identificatie      TEXT,                -- header BerichtIdentificatie/Identificatie
            dagtekening        ANY,                 -- a day number
            gemeente           ANY,                 -- 4-digit CBS code: 0 the afzender, 1 the ontvanger
            aanbieder          ANY,                 -- 8-digit AGB code: 0 the afzender, 1 the ontvanger
            is_retour          INTEGER NOT NULL,    -- 1 for 302/306/308/316/318/320/325
            sleutel            INTEGER,             -- a heenbericht's: a hash of its identity (`sleutel(_:)`)
            heen_code          INTEGER,             -- for a retour: the heenbericht's BerichtCode,
            heen_afzender      ANY,                 --   Afzender (0: the retour's afzender, 1: its ontvanger,
                                                    --   else as `afzender` is kept)
            heen_identificatie TEXT,                --   and Identificatie (null: the retour's own)
            heen_sleutel       INTEGER,             -- a retour's: the hash of the heenbericht's identity
            retour_codes       TEXT NOT NULL,       -- every RetourCode in it, space-separated
            afwijzend          INTEGER NOT NULL,    -- 1 when this retour rejects its heenbericht
            bevindingen        TEXT NOT NULL,       -- level-2 rule codes it breaks, space-separated
            kennisdatum        ANY,                 -- the day it became known, null when its dagtekening:
                                                    --   a retour's DagtekeningRetour (see `kennisdatum(of:_:)`)
            transport          ANY NOT NULL,        -- bestand, vecozo or ggk: 0, 1 or 2
            transport_id       TEXT,                -- the VSP traceerId or StUF referentienummer
            ontvangen          TEXT                 -- ISO 8601 moment of receipt, when the transport gives it
        ) STRICT;
        -- A heenbericht and its retours find each other through the hashes of the identity, the
        -- identity itself compared after: two small integer indexes instead of two of the texts.
        CREATE INDEX uitwisseling_feiten_sleutel ON uitwisseling_feiten (sleutel) WHERE sleutel IS NOT NULL;
        CREATE INDEX uitwisseling_feiten_heen ON uitwisseling_feiten (heen_sleutel) WHERE heen_sleutel IS NOT NULL;
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
        """

    /// The links by retour; the fold reads only `uitwisseling_feiten`'s indexes, created with the table.
    public let indexes = """
        CREATE INDEX uitwisseling_koppeling_retour ON uitwisseling_koppeling (positie);
        """

    /// The afzender and ontvanger of a row of `uitwisseling_feiten`, as text.
    private static let partijKolommen = ["afzender", "ontvanger"].map { Compact.cijfers(sql: $0) }

    /// The messages as text, read from `uitwisseling_feiten`, with the file each came from as the
    /// log keeps it.
    private static let berichten = """
        CREATE VIEW uitwisseling_berichten AS
        SELECT positie, \(Compact.choice(sql: "standaard", among: Compact.literals(standaarden))) AS standaard,
            \(Compact.choice(sql: "release", among: Compact.literals(releases))) AS release, bericht_code,
            \(Compact.choice(sql: "berichttype", among: Compact.literals(berichttypen))) AS berichttype,
            \(partijKolommen[0]) AS afzender, \(partijKolommen[1]) AS ontvanger, identificatie,
            \(Compact.datum(sql: "dagtekening")) AS dagtekening,
            (SELECT e.source FROM event_sources e WHERE e.position = uitwisseling_feiten.positie) AS bestand,
            \(Compact.choice(sql: "gemeente", among: partijKolommen)) AS gemeente,
            \(Compact.choice(sql: "aanbieder", among: partijKolommen)) AS aanbieder,
            is_retour, heen_code,
            \(Compact.cijfers(sql: Self.heenAfzender(""))) AS heen_afzender,
            CASE WHEN heen_code IS NOT NULL THEN coalesce(heen_identificatie, identificatie) END AS heen_identificatie,
            retour_codes, afwijzend, bevindingen,
            \(Compact.datum(sql: "coalesce(kennisdatum, dagtekening)")) AS kennisdatum,
            \(Compact.choice(sql: "transport", among: Compact.literals(transporten))) AS transport,
            transport_id, ontvangen
        FROM uitwisseling_feiten;
        """

    public let views = Self.berichten + """
        -- Every heenbericht with each retour that names it, whichever was recorded first, and
        -- whether that retour answers it: one that breaks its schema (recorded for its header
        -- alone, flagged XSD) carries no readable verdict, so it answers nothing (report §6.1).
        -- The join keeps a link to a heenbericht outside a knowledge window out of it.
        CREATE VIEW uitwisseling_koppelingen AS
        SELECT k.heen_positie, k.positie AS retour_positie, k.afwijzend, k.retour_codes, k.beantwoordt
        FROM uitwisseling_koppeling k JOIN uitwisseling_feiten h ON h.positie = k.heen_positie;
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
        FROM uitwisseling_feiten b;
        """

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard event.kind == .bericht else { return }
        let metadata = event.metadata
        let isRetour = bericht?.berichttype.isRetour ?? (metadata.heenbericht != nil)
        let heen = bericht?.heenIdentiteit.map {
            BerichtIdentiteit(berichtCode: $0, afzender: $1, identificatie: $2)
        } ?? metadata.heenbericht
        let eigen = metadata.berichtCode.flatMap { code in
            metadata.afzender.flatMap { afzender in
                metadata.identificatie.map { BerichtIdentiteit(berichtCode: code, afzender: afzender, identificatie: $0) }
            }
        }
        let partijen = [metadata.afzender, metadata.ontvanger]
        let dagtekening = metadata.dagtekening
        let kennisdatum = Self.kennisdatum(of: event, bericht)
        try database.run(
            """
            INSERT INTO uitwisseling_feiten VALUES
                (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                 ?23, ?24)
            """,
            [
                .integer(Int(event.position)),
                Compact.choice(metadata.standaard, among: Self.standaarden),
                Compact.choice(metadata.release, among: Self.releases), .integer(metadata.berichtCode),
                Compact.choice(metadata.berichttype, among: Self.berichttypen), Compact.cijfers(metadata.afzender),
                Compact.cijfers(metadata.ontvanger), .text(metadata.identificatie), Compact.datum(dagtekening),
                Compact.choice(bericht?.gemeente ?? Self.party(of: metadata, digits: 4), among: partijen),
                Compact.choice(bericht?.aanbieder ?? Self.party(of: metadata, digits: 8), among: partijen),
                .integer(isRetour ? 1 : 0), .integer(isRetour ? nil : eigen.map(Self.sleutel)),
                .integer(heen?.berichtCode), Self.opgeslagen(heenAfzender: heen?.afzender, among: partijen),
                .text(heen?.identificatie == metadata.identificatie ? nil : heen?.identificatie),
                .integer(heen.map(Self.sleutel)),
                .text(bericht?.retourCodes.joined(separator: " ") ?? ""),
                .integer(bericht?.wijstHeenberichtAf == true ? 1 : 0),
                // A message that no longer decodes was recorded for its header alone: it breaks its schema.
                .text(bericht.map { $0.bevindingen().map(\.regel).uniqueInOrder().joined(separator: " ") } ?? "XSD"),
                kennisdatum == dagtekening ? .text(nil) : Compact.datum(kennisdatum),
                // Before ledger format 3 recorded the transport, every message came in as a file.
                Compact.choice(metadata.transport ?? "bestand", among: Self.transporten),
                .text(metadata.transportId), .text(metadata.ontvangen),
            ])
    }

    /// Links every heenbericht and retour among `positions` to the retours and heenberichten
    /// recorded so far: two statements per run of events, one from each side. A run from the first
    /// event on (a replay, a first catch-up) holds every heenbericht recorded, so the heenberichten's
    /// side finds every link and the retours' side, which would find them all again, is left out
    /// (a tenth of a replay's instructions went to relating).
    public func applied(_ positions: ClosedRange<Int64>, to database: ProjectionDatabase) throws(LedgerError) {
        let sides = positions.lowerBound == 1 ? Self.koppelingen.prefix(1) : Self.koppelingen[...]
        for koppeling in sides {
            try database.run(koppeling, [.integer(Int(positions.lowerBound)), .integer(Int(positions.upperBound))])
        }
    }

    /// The links of the heenberichten (`h`) and of the retours (`r`) at positions ?1 … ?2.
    private static let koppelingen = ["h", "r"].map { kant in
        """
        INSERT OR IGNORE INTO uitwisseling_koppeling
        SELECT h.positie, r.positie, r.afwijzend, r.retour_codes, ' ' || r.bevindingen || ' ' NOT LIKE '% XSD %'
        FROM uitwisseling_feiten h JOIN uitwisseling_feiten r
            ON r.heen_sleutel = h.sleutel AND r.heen_code = h.bericht_code
                AND \(heenAfzender("r.")) = h.afzender
                AND coalesce(r.heen_identificatie, r.identificatie) = h.identificatie
        WHERE h.is_retour = 0 AND \(kant).positie BETWEEN ?1 AND ?2
        """
    }

    /// SQL giving back a retour's heen_afzender as `afzender` is kept (``Compact/cijfers(_:)``): it
    /// is stored as which of the retour's own two parties it is (a 302 … 320 names its heenbericht
    /// by its own Afzender, a 325 by its Ontvanger), or else as itself, never 0 or 1; `rij` is the
    /// row's qualifier with its dot, or empty.
    private static func heenAfzender(_ rij: String) -> String {
        "CASE \(rij)heen_afzender WHEN 0 THEN \(rij)afzender WHEN 1 THEN \(rij)ontvanger ELSE \(rij)heen_afzender END"
    }

    /// A retour's heen_afzender as ``heenAfzender(_:)`` reads it back: which of the retour's own
    /// two parties it is, else the code itself as `afzender` is kept.
    private static func opgeslagen(heenAfzender afzender: String?, among partijen: [String?]) -> SQLValue {
        guard let afzender else { return .text(nil) }
        return partijen.firstIndex(of: afzender).map(SQLValue.integer) ?? Compact.cijfers(afzender)
    }

    private static func sleutel(_ identiteit: BerichtIdentiteit) -> Int {
        sleutel(berichtCode: identiteit.berichtCode, afzender: identiteit.afzender, identificatie: identiteit.identificatie)
    }

    /// A hash of a message's identity (BerichtCode, Afzender, Identificatie): 64-bit FNV-1a, cut
    /// to 31 bits so SQLite stores it in 4 bytes. It only finds candidates (one in millions is
    /// another message's); the identity decides.
    package static func sleutel(berichtCode: Int, afzender: String, identificatie: String) -> Int {
        // The bytes of "\(berichtCode)\u{1F}\(afzender)\u{1F}\(identificatie)", fed part by part
        // rather than joined into a string first.
        var hash = FNV1a()
        hash.feed(String(berichtCode).utf8)
        hash.feed(CollectionOfOne(0x1F))
        hash.feed(afzender.utf8)
        hash.feed(CollectionOfOne(0x1F))
        hash.feed(identificatie.utf8)
        return Int(hash.value & 0x7FFF_FFFF)
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
