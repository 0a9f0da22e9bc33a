import Ledger

/// How far a projection has folded the log, and with which version of its code.
struct Checkpoint: Sendable, Equatable {
    var name: String
    var version: Int
    var position: Int64

    static let schema = """
        -- One row per projection: the last log position folded into its tables, and the version
        -- of the code that built them. Written in the same transaction as the rows themselves.
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            name     TEXT PRIMARY KEY,
            version  INTEGER NOT NULL,
            position INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        """

    /// The checkpoints of a ledger; none when no projection was ever built in it.
    static func stored(in connection: SQLiteConnection) throws(LedgerError) -> [String: Checkpoint] {
        let exists = try connection.prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'")
        guard try exists.step() else { return [:] }
        return try all(in: connection)
    }

    static func all(in connection: SQLiteConnection, schema: String = "main") throws(LedgerError) -> [String: Checkpoint] {
        let statement = try connection.prepare("SELECT name, version, position FROM \(schema).projection_checkpoints")
        var result: [String: Checkpoint] = [:]
        while try statement.step() {
            let checkpoint = Checkpoint(
                name: statement.string(0), version: statement.int(1), position: statement.int64(2))
            result[checkpoint.name] = checkpoint
        }
        return result
    }

    func save(in database: ProjectionDatabase) throws(LedgerError) {
        try database.run(
            "INSERT OR REPLACE INTO projection_checkpoints (name, version, position) VALUES (?1, ?2, ?3)",
            [.text(name), .integer(version), .integer(Int(position))])
    }
}
