public import Berichten
import Kenmerken
public import Ledger
public import Projection

/// The facts the reconciliation rules depend on besides the messages: every contract loaded
/// and every choice of rule-set version, from `contract` and `regelset` events.
///
/// Findings themselves are not stored. They depend on a peildatum (deadlines run out while
/// nothing is appended), on the rule-set version and on the contract snapshot, and an auditor
/// asks for any combination of those, past ones included. Evaluating them at query time from
/// the other projections' facts plus these tables (``constateringen(_:regel:ernst:grondslag:in:)``)
/// answers every combination from one fold; a stored result would be right for one of them only.
/// `replay` rebuilds these tables from the recorded CSV bytes like any other projection.
/// The day each retour was made (for the deadline OP090) is the exchange state's `kennisdatum`.
public struct Reconciliatie: Projection {
    public let name = "reconciliatie"
    public let version = 4
    public let tableNames = [
        "reconciliatie_contracten", "reconciliatie_tarieven", "reconciliatie_regelsets",
    ]
    public let viewNames: [String] = []
    /// The day a retour was made, kept here until version 3, is the exchange state's `kennisdatum`.
    public let retiredNames = ["reconciliatie_retouren"]
    public let views = ""

    public init() {}

    public let tables = """
        -- One row per `contract` event: a contract file loaded with `zorgledger contract load`.
        CREATE TABLE reconciliatie_contracten (
            positie INTEGER PRIMARY KEY, -- log position of the contract event
            door    TEXT NOT NULL,       -- who loaded it
            op      TEXT NOT NULL,       -- when (UTC, ISO 8601)
            bestand TEXT                 -- the file it came from
        ) STRICT;
        -- One row per tariff line of a contract. The contract in force for a gemeente is the latest
        -- contract event that holds a line for that gemeente.
        CREATE TABLE reconciliatie_tarieven (
            positie           INTEGER NOT NULL, -- log position of the contract event
            regel             INTEGER NOT NULL, -- the line's place among the tariffs, from 1
            gemeente          TEXT NOT NULL,
            aanbieder         TEXT NOT NULL,
            product_categorie TEXT NOT NULL,
            product_code      TEXT NOT NULL,
            begindatum        TEXT NOT NULL,
            einddatum         TEXT,             -- null: no end
            tarief            INTEGER NOT NULL, -- eurocent per eenheid
            eenheid           TEXT,             -- the Eenheid the tarief is per; null: the prestatie's own
            PRIMARY KEY (positie, regel)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX reconciliatie_tarieven_gemeente ON reconciliatie_tarieven (gemeente, positie);
        -- One row per `regelset` event: the rule-set version in force from that position on.
        CREATE TABLE reconciliatie_regelsets (
            positie INTEGER PRIMARY KEY,
            versie  INTEGER NOT NULL,
            door    TEXT NOT NULL,
            op      TEXT NOT NULL
        ) STRICT;
        """

    /// A contract load or rule-set choice is known from the day (UTC) it was recorded.
    public var kennisdata: String? {
        """
        SELECT positie, substr(op, 1, 10) AS kennisdatum FROM reconciliatie_contracten
        UNION ALL SELECT positie, substr(op, 1, 10) FROM reconciliatie_regelsets
        """
    }

    public func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        guard event.kind != .bericht, let vastlegging = Vastlegging(event.payload) else { return }
        let positie = SQLValue.integer(Int(event.position))
        switch event.kind {
        case .contract:
            // `contract load` validates before it appends; a payload that no longer parses adds nothing.
            guard let regels = try? ContractCSV.regels(vastlegging.inhoud, bestand: event.source ?? "contract") else {
                return
            }
            try database.run(
                "INSERT INTO reconciliatie_contracten VALUES (?1, ?2, ?3, ?4)",
                [positie, .text(vastlegging.door), .text(vastlegging.op), .text(event.source)])
            for (index, regel) in regels.enumerated() {
                try database.run(
                    "INSERT INTO reconciliatie_tarieven VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    [
                        positie, .integer(index + 1), .text(regel.gemeente), .text(regel.aanbieder),
                        .text(regel.productCategorie), .text(regel.productCode), .text(regel.begindatum.description),
                        .text(regel.einddatum?.description), .integer(regel.tarief), .text(regel.eenheid?.rawValue),
                    ])
            }
        case .regelset:
            guard let versie = RegelsetKeuze.versie(uit: vastlegging.inhoud) else { return }
            try database.run(
                "INSERT INTO reconciliatie_regelsets VALUES (?1, ?2, ?3, ?4)",
                [positie, .integer(versie), .text(vastlegging.door), .text(vastlegging.op)])
        default:
            return  // a kind the reconciliation does not read
        }
    }
}
