public import Berichten
public import Ledger
public import Projection
import Uitwisseling

/// Delivery periods per toegewezen product from 305/307 (report §6.4, §8.4).
///
/// Every start and stop line is kept with its message's position and its logical key (report
/// §4.5); whether a key stands is derived from its lines in ``staand(from:sleutel:)``.
public struct Zorg: Projection {
    public let name = "zorg"
    public let version = 5
    public let tableNames = ["zorg_starts", "zorg_stops"]
    public let viewNames = ["zorg_starts_geldig", "zorg_stops_geldig", "zorg_perioden"]

    public init() {}

    /// The columns of a start's logical key, the join condition of a stop to its start.
    private static let sleutel = """
        standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code, begindatum
        """

    public let tables = """
        -- One row per StartProduct line of a 305.
        CREATE TABLE zorg_starts (
            positie            INTEGER NOT NULL, -- log position of the 305
            regel              INTEGER NOT NULL, -- the line's place in the message, from 1
            standaard          TEXT NOT NULL,
            gemeente           TEXT NOT NULL,
            aanbieder          TEXT NOT NULL,
            bsn                TEXT NOT NULL,
            toewijzing_nummer  INTEGER,          -- absent for taakgerichte delivery
            product_categorie  TEXT,
            product_code       TEXT,
            begindatum         INTEGER NOT NULL, -- a day number (see `Compact`)
            status_aanlevering TEXT NOT NULL,    -- 1 delivers, 3 deletes the line with the same key
            PRIMARY KEY (positie, regel)
        ) STRICT, WITHOUT ROWID;
        -- One row per StopProduct line of a 307.
        CREATE TABLE zorg_stops (
            positie            INTEGER NOT NULL, -- log position of the 307
            regel              INTEGER NOT NULL,
            standaard          TEXT NOT NULL,
            gemeente           TEXT NOT NULL,
            aanbieder          TEXT NOT NULL,
            bsn                TEXT NOT NULL,
            toewijzing_nummer  INTEGER,
            product_categorie  TEXT,
            product_code       TEXT,
            begindatum         INTEGER NOT NULL, -- the Begindatum of the start it stops (a day number)
            reden_beeindiging  TEXT NOT NULL,    -- 20: temporary stop
            einddatum          INTEGER NOT NULL, -- a day number
            status_aanlevering TEXT NOT NULL,
            PRIMARY KEY (positie, regel)
        ) STRICT, WITHOUT ROWID;
        """

    public let indexes = """
        CREATE INDEX zorg_starts_bsn ON zorg_starts (bsn);
        CREATE INDEX zorg_stops_bsn ON zorg_stops (bsn);
        """

    public var views: String {
        """
        -- Starts that stand: on the last dagtekening on which a key's deliveries and deletions do
        -- not balance, there were more deliveries.
        CREATE VIEW zorg_starts_geldig AS
        \(Self.staand(from: "zorg_starts", sleutel: Self.sleutel));
        -- Stops that stand, keyed by the start's key plus RedenBeeindiging and Einddatum.
        CREATE VIEW zorg_stops_geldig AS
        \(Self.staand(from: "zorg_stops", sleutel: Self.sleutel + ", reden_beeindiging, einddatum"));

        -- One row per standing start, with the stop that decides its status: a definitive stop
        -- outranks a temporary one (RedenBeeindiging 20); among equals the latest einddatum. The
        -- standing starts and stops are ranked together per start key in one window, stops first,
        -- so a filter on the key (a client) reaches the fact tables' indexes and nothing is joined.
        -- Its dates as YYYY-MM-DD; the `geldig` views keep the day numbers.
        CREATE VIEW zorg_perioden AS
        SELECT standaard, gemeente, aanbieder, bsn, toewijzing_nummer, product_categorie, product_code,
            \(Compact.datum(sql: "begindatum")) AS begindatum, \(Compact.datum(sql: "einddatum")) AS einddatum,
            reden_beeindiging,
            CASE WHEN reden_beeindiging IS NULL THEN 'lopend'
                 WHEN reden_beeindiging = '20' THEN 'tijdelijk_gestopt'
                 ELSE 'beeindigd' END AS status
        FROM (
            SELECT *, max(start) OVER sleutel AS staat, row_number() OVER sleutel AS rang
            FROM (SELECT \(Self.sleutel), 1 AS start, NULL AS einddatum, NULL AS reden_beeindiging
                  FROM zorg_starts_geldig
                  UNION ALL
                  SELECT \(Self.sleutel), 0, einddatum, reden_beeindiging FROM zorg_stops_geldig)
            WINDOW sleutel AS (
                PARTITION BY \(Self.sleutel)
                ORDER BY start, reden_beeindiging = '20', einddatum DESC, reden_beeindiging
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
        WHERE rang = 1 AND staat = 1;
        """
    }

    /// The keys of `table` that stand, from the non-rejected lines of each key taken per
    /// dagtekening of their message (the order in which they reached the log means nothing, OP080).
    ///
    /// A deletion (StatusAanlevering 3) removes the delivery with its key however often that was
    /// sent (COD467, report §6.4), and a delivery after it stands again (IV008: delete first,
    /// deliver again in a later message). So a key stands when, on the last dagtekening on which
    /// its deliveries and deletions do not balance, the deliveries outnumber the deletions. On
    /// one day, a delivery and a deletion cancel out and the day before decides: the deletion
    /// and new delivery of a correction, or a delivery taken back the same day.
    private static func staand(from table: String, sleutel: String) -> String {
        let kolommen = sleutel.split(separator: ", ").map { "r.\($0)" }.joined(separator: ", ")
        return """
            SELECT \(sleutel) FROM (
                SELECT \(kolommen), sum(r.status_aanlevering = '1') AS geleverd,
                    sum(r.status_aanlevering = '3') AS verwijderd,
                    row_number() OVER (PARTITION BY \(kolommen) ORDER BY b.dagtekening DESC) AS rang
                FROM \(table) r JOIN uitwisseling_berichten b ON b.positie = r.positie
                WHERE \(Uitwisseling.nietAfgewezen("r.positie"))
                GROUP BY \(kolommen), b.dagtekening
                HAVING geleverd != verwijderd)
            WHERE rang = 1 AND geleverd > verwijderd
            """
    }

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard let bericht else { return }
        let kop: [SQLValue] = [.text(bericht.standaard.rawValue), .text(bericht.gemeente), .text(bericht.aanbieder)]
        switch bericht.inhoud {
        case .start(let client, let producten):
            for (index, product) in producten.enumerated() {
                try database.run(
                    "INSERT INTO zorg_starts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    [.integer(Int(event.position)), .integer(index + 1)] + kop + [
                        .text(client.bsn), .integer(product.toewijzingNummer), .text(product.product?.categorie),
                        .text(product.product?.code), Compact.datum(product.begindatum),
                        .text(product.statusAanlevering.rawValue),
                    ])
            }
        case .stop(let client, let producten):
            for (index, product) in producten.enumerated() {
                try database.run(
                    "INSERT INTO zorg_stops VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    [.integer(Int(event.position)), .integer(index + 1)] + kop + [
                        .text(client.bsn), .integer(product.toewijzingNummer), .text(product.product?.categorie),
                        .text(product.product?.code), Compact.datum(product.begindatum),
                        .text(product.redenBeeindiging.rawValue), Compact.datum(product.einddatum),
                        .text(product.statusAanlevering.rawValue),
                    ])
            }
        default:
            return
        }
    }
}
