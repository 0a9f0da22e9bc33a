public import Berichten
public import Ledger
public import Projection
import Uitwisseling

/// Every version of every ToegewezenProduct (report §6.3, §8.3), and which one is current.
///
/// The table keeps each version a 301 carried, with that 301's position. The current version
/// is chosen in `toewijzingen_huidig` by the standard's rule, the latest Toewijzingsdatum +
/// Toewijzingstijd among versions whose 301 was not rejected (IV013), so a later version that
/// arrives first, or a 302 that rejects a change, gives the same answer in any order.
public struct Toewijzingen: Projection {
    public let name = "toewijzingen"
    public let version = 6
    public let tableNames = ["toewijzingen_versies"]
    public let viewNames = ["toewijzingen_geldig", "toewijzingen_huidig"]

    public init() {}

    public let tables = """
        -- One row per ToegewezenProduct in a 301: every version of every toewijzing.
        CREATE TABLE toewijzingen_versies (
            positie              INTEGER NOT NULL, -- log position of the 301
            standaard            TEXT NOT NULL,
            gemeente             TEXT NOT NULL,
            aanbieder            TEXT NOT NULL,
            bsn                  TEXT NOT NULL,
            toewijzing_nummer    INTEGER NOT NULL, -- unique per gemeente and domain (TR332)
            referentie_aanbieder TEXT,             -- the VOT/VOW it honours, if any
            product_categorie    TEXT,
            product_code         TEXT,
            toewijzingsdatum     INTEGER NOT NULL, -- with toewijzingstijd: the latest version wins
            toewijzingstijd      TEXT NOT NULL,
            ingangsdatum         INTEGER NOT NULL, -- dates as day numbers (see `Compact`)
            einddatum            INTEGER,
            volume               INTEGER,
            eenheid              TEXT,
            frequentie           TEXT,
            budget               INTEGER,          -- eurocent
            reden_wijziging      TEXT,             -- 13: deleted, counts as never sent
            PRIMARY KEY (positie, toewijzing_nummer)
        ) STRICT, WITHOUT ROWID;
        """

    public let indexes = """
        CREATE INDEX toewijzingen_versies_nummer ON toewijzingen_versies (toewijzing_nummer, gemeente, standaard);
        CREATE INDEX toewijzingen_versies_referentie ON toewijzingen_versies (referentie_aanbieder)
            WHERE referentie_aanbieder IS NOT NULL;
        """

    /// The order that makes one version of a toewijzing current: latest Toewijzingsdatum +
    /// Toewijzingstijd (IV013), equal moments by content. Whoever ranks versions uses this one.
    public static let volgorde = """
        toewijzingsdatum DESC, toewijzingstijd DESC, reden_wijziging DESC, einddatum, ingangsdatum, volume, eenheid, \
        frequentie, budget, product_categorie, product_code, referentie_aanbieder, aanbieder, bsn
        """

    public let views = """
        -- The versions that count: those whose 301 no 302 rejected, with the day that 301 was made
        -- (bekend_sinds: from then on the version was known) and its identification.
        CREATE VIEW toewijzingen_geldig AS
        SELECT t.positie, t.standaard, t.gemeente, t.aanbieder, t.bsn, t.toewijzing_nummer, t.referentie_aanbieder,
            t.product_categorie, t.product_code, \(Compact.datum(sql: "t.toewijzingsdatum")) AS toewijzingsdatum,
            t.toewijzingstijd, \(Compact.datum(sql: "t.ingangsdatum")) AS ingangsdatum,
            \(Compact.datum(sql: "t.einddatum")) AS einddatum, t.volume, t.eenheid, t.frequentie, t.budget,
            t.reden_wijziging, b.dagtekening AS bekend_sinds, b.identificatie AS bericht_identificatie
        FROM toewijzingen_versies t JOIN uitwisseling_berichten b ON b.positie = t.positie
        WHERE \(Uitwisseling.nietAfgewezen("t.positie"));
        -- The current version per toewijzing: latest Toewijzingsdatum + Toewijzingstijd. Equal
        -- moments are ordered by content, never by position, so arrival order cannot matter; a
        -- version that several 301s repeat is the one of the first 301 that carried it (its
        -- dagtekening, then its identification). Chosen per row among its toewijzing's few
        -- versions through the number's index, so a filter on a client reads that client's alone.
        CREATE VIEW toewijzingen_huidig AS
        SELECT g.* FROM toewijzingen_geldig g
        WHERE g.positie = (
            SELECT v.positie FROM toewijzingen_geldig v
            WHERE v.toewijzing_nummer = g.toewijzing_nummer AND v.gemeente = g.gemeente AND v.standaard = g.standaard
            ORDER BY \(Self.volgorde), bekend_sinds, bericht_identificatie, positie
            LIMIT 1);
        """

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard let bericht, case .toewijzing(let client, let producten) = bericht.inhoud else { return }
        for product in producten {
            try database.run(
                """
                INSERT OR REPLACE INTO toewijzingen_versies VALUES
                    (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
                """,
                [
                    .integer(Int(event.position)), .text(bericht.standaard.rawValue), .text(bericht.gemeente),
                    .text(bericht.aanbieder), .text(client.bsn), .integer(product.toewijzingNummer),
                    .text(product.referentieAanbieder), .text(product.product?.categorie), .text(product.product?.code),
                    Compact.datum(product.toewijzingsdatum), .text(product.toewijzingstijd.description),
                    Compact.datum(product.ingangsdatum), Compact.datum(product.einddatum),
                    .integer(product.omvang?.volume), .text(product.omvang?.eenheid.rawValue),
                    .text(product.omvang?.frequentie.rawValue), .integer(product.budget),
                    .text(product.redenWijziging?.rawValue),
                ])
        }
    }
}
