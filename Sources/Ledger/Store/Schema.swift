/// The SQL of the log, version by version. A ledger records its format in `ledger_info`;
/// a zorgledger refuses to write a format newer than it knows.
package enum Schema {
    static let applicationID: Int32 = 0x5A4C_4452  // "ZLDR": lets `file` and zorgledger recognise the file
    /// 2 added the Merkle tree (`merkle_nodes`), the checkpoints issued and the ledger's own id;
    /// 3 added the description's added columns to `events` (for zorgledger: how a message was
    /// delivered); 4 stores the Merkle tree from level ``merkleFloor`` up, and records that level
    /// (`merkle_floor`; an older ledger upgraded keeps storing every level: 0). An older ledger is
    /// upgraded to format 4 when it is first opened for writing. 5 keeps values of metadata in
    /// their stored form (``StoredForm``: days, moments and codes as integers); that changes the
    /// columns' types, which only rewriting the log could do, so a ledger of format 4 stays one and
    /// is read and written in its own form. 6 leaves `content_hash` NULL: the hash is computed
    /// from the payload when asked, which the chain link covers anyway; an older ledger goes on
    /// keeping it, as its column is NOT NULL. 7 keeps the events' sources in a table of their own,
    /// `event_sources` (see ``EventTable/sourcesTable``; in an older ledger that name is a view of
    /// `events`, which a writer creates), and codes of digits as numbers (``StoredForm/digits``).
    /// 8 keeps the keys of the index tables in their stored form too (a BSN as a number).
    static let formatVersion = 8

    /// The first format that keeps values in their stored form.
    static let compactSince = 5

    /// The first format that keeps no content hash beside the payload.
    static let contentHashDerivedSince = 6

    /// The first format that keeps the sources apart from the events.
    static let sourcesApartSince = 7

    /// The first format that keeps codes of digits as numbers (``StoredForm/digits``).
    static let digitsSince = 7

    /// The first format that keeps the keys of index tables in their stored form.
    static let keyFormsSince = 8

    /// The lowest level of the Merkle tree a new ledger stores. Levels 0 to 3 were 94 % of the
    /// stored nodes and 9 % of a ledger's file; any of their nodes is computed when asked for from
    /// the content hashes of at most 8 events.
    package static let merkleFloor = 4

    /// Settings applied on every connection. WAL lets readers work while one writer appends;
    /// synchronous=NORMAL keeps a committed batch through a process crash (not a power cut of the
    /// last moments), which is what group commit is for. A writer's pages reach the file through
    /// its ``WALCheckpointer``, which replaces SQLite's autocheckpoint.
    static let connectionPragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA cache_size = -65536;
        """

    /// File-level settings of a new ledger, applied before its first table exists.
    /// 16 KiB pages: a row of the log (about 550 bytes) wastes little of one, while each of the
    /// forty-odd tables and indexes, most of them small, takes at least a page (at 64 KiB that
    /// was 3 MB of a ledger of 10,000 messages), and a commit writes each page it dirtied whole.
    static let filePragmas = """
        PRAGMA page_size = 16384;
        PRAGMA application_id = \(applicationID);
        PRAGMA journal_mode = WAL;
        """

    /// The tables of a new ledger for `table`'s description; run inside a write transaction.
    static func creation(_ table: EventTable) -> String {
        """
        CREATE TABLE ledger_info (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE dictionaries (
            id         INTEGER PRIMARY KEY,
            soort      TEXT NOT NULL,
            versie     INTEGER NOT NULL,
            bytes      BLOB NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (soort, versie)
        ) STRICT;
        \(table.creation)
        \(auditTables)
        \(immutabilityTriggers(immutableTables(table.eventDescription, format: formatVersion)))
        INSERT INTO ledger_info (key, value) VALUES
            ('format', 'zorgledger'), ('format_version', '\(formatVersion)'), ('merkle_floor', '\(merkleFloor)'),
            ('head_position', '0'), ('head_hash', '\(Digest.genesis)'), ('ledger_id', '\(newLedgerID())');
        """
    }

    /// The Merkle tree over the log (RFC 9162): the root of every complete subtree, node (level,
    /// idx) covering leaves idx·2^level to (idx+1)·2^level − 1; and every signed checkpoint issued,
    /// so that a consistency proof can later be given against any of them.
    static let auditTables = """
        CREATE TABLE merkle_nodes (
            level INTEGER NOT NULL,
            idx   INTEGER NOT NULL,
            hash  BLOB NOT NULL,
            PRIMARY KEY (level, idx)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE checkpoints (
            id         INTEGER PRIMARY KEY,
            tree_size  INTEGER NOT NULL,
            note       TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT;
        """

    /// What turns a format-1 ledger into format 2, but for the nodes of the events it already
    /// holds (the store adds those in the same transaction).
    static var upgradeToFormat2: String {
        """
        \(auditTables)
        \(immutabilityTriggers(auditTableNames))
        INSERT INTO ledger_info (key, value) VALUES ('ledger_id', '\(newLedgerID())');
        UPDATE ledger_info SET value = '2' WHERE key = 'format_version';
        """
    }

    /// A ledger's own stable id, 128 random bits in hex: the origin of its checkpoints.
    package static func newLedgerID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let digits = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// Tables whose rows may never change once written, in a ledger of format `format`.
    static func immutableTables(_ eventDescription: EventDescription, format: Int) -> [String] {
        eventDescription.logTables + (format >= sourcesApartSince ? ["event_sources"] : []) + ["dictionaries"]
            + (format >= 2 ? auditTableNames : [])
    }

    /// The tables of format 2; a format-1 ledger opened for reading has none of them.
    static let auditTableNames = ["merkle_nodes", "checkpoints"]

    static func immutabilityTriggers(_ tables: [String]) -> String {
        tables.map { table in
            """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) of a zorgledger are append-only'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) of a zorgledger are append-only'); END;
            """
        }.joined(separator: "\n")
    }

    static func triggerNames(_ tables: [String]) -> [String] { tables.flatMap { ["\($0)_no_update", "\($0)_no_delete"] } }
}
