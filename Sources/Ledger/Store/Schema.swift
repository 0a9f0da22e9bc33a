/// The SQL of the log, version by version. A ledger records its format in `ledger_info`;
/// a zorgledger refuses to write a format newer than it knows.
enum Schema {
    static let applicationID: Int32 = 0x5A4C_4452  // "ZLDR": lets `file` and zorgledger recognise the file
    static let formatVersion = 1

    /// Settings applied on every connection. WAL lets readers work while one writer appends;
    /// synchronous=NORMAL keeps a committed batch through a process crash (not a power cut of the
    /// last moments), which is what group commit is for.
    static let connectionPragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA cache_size = -65536;
        """

    /// File-level settings of a new ledger, applied before its first table exists.
    /// 64 KiB pages: a 1 KiB compressed message wastes far less of a large page (baselines.md).
    static let filePragmas = """
        PRAGMA page_size = 65536;
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
        \(immutabilityTriggers(table.eventDescription))
        INSERT INTO ledger_info (key, value) VALUES
            ('format', 'zorgledger'), ('format_version', '\(formatVersion)'),
            ('head_position', '0'), ('head_hash', '\(Digest.genesis)');
        """
    }

    /// Tables whose rows may never change once written.
    static func immutableTables(_ eventDescription: EventDescription) -> [String] {
        eventDescription.logTables + ["dictionaries"]
    }

    static func immutabilityTriggers(_ eventDescription: EventDescription) -> String {
        immutableTables(eventDescription).map { table in
            """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) of a zorgledger are append-only'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) of a zorgledger are append-only'); END;
            """
        }.joined(separator: "\n")
    }

    static func triggerNames(_ eventDescription: EventDescription) -> [String] {
        immutableTables(eventDescription).flatMap { ["\($0)_no_update", "\($0)_no_delete"] }
    }
}
