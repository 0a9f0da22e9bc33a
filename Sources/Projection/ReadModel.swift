#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Ledger

/// The projections of a log kept elsewhere (on PostgreSQL), in a local SQLite file that follows
/// the log by position: each reader brings its own copy up to the log's head before it answers,
/// so many readers on many machines give the same answers without touching each other.
///
/// The file records which log it follows: the log's own id and the chain link of the last event
/// it folded. A file that follows another log, or a log that no longer holds that link (another
/// log under the same id, or one restored from an older backup), is refused rather than mixed.
/// It is owner-only (0600), like a ledger: projections hold BSNs.
public struct ReadModel {
    public let path: String
    public let database: ProjectionDatabase
    private let log: any AuditedStore
    /// The log's own id, read once.
    private let ledgerID: String

    /// Opens the read model at `path` for `log`, creating it when missing.
    /// - throws: ``LedgerError`` (`.notALedger`) for a file that is no read model or follows another log.
    public init(path: String, following log: any AuditedStore) throws(LedgerError) {
        self.path = path
        self.log = log
        try Self.createOwnerOnly(path)
        database = try ProjectionDatabase(path: path)
        let connection = database.connection
        let tables = Set(try connection.rows("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) })
        if tables.contains("events") {
            throw LedgerError(.notALedger, "\(path): this is a ledger, not a read model; give --projections another file")
        }
        if !tables.contains("read_model_log") {
            guard tables.isEmpty else {
                throw LedgerError(.notALedger, "\(path): not a zorgledger read model; give --projections another file")
            }
            try connection.execute(
                "CREATE TABLE read_model_log (ledger_id TEXT NOT NULL, position INTEGER NOT NULL, chain_hash TEXT NOT NULL)")
        }
        ledgerID = try log.ledgerID()
        try Self.checkFollows(log, ledgerID: ledgerID, in: database, path: path)
    }

    /// Brings every projection up to the log's head; returns the position they reflect.
    @discardableResult
    public func catchUp(_ runner: ProjectionRunner) throws(LedgerError) -> Int64 {
        try record(try runner.catchUp(log: log, into: database))
    }

    /// Rebuilds every projection from the log.
    @discardableResult
    public func replay(_ runner: ProjectionRunner) throws(LedgerError) -> Int64 {
        try record(try runner.replay(log: log, into: database))
    }

    /// The differences between the read model and a fresh replay of the log; empty when equal.
    public func verify(_ runner: ProjectionRunner) throws(LedgerError) -> [String] {
        try runner.copyingLog(log, into: database).verify(log: log, projectionsAt: path)
    }

    /// Refuses a file that follows another log, or a log that lost the link the file last saw.
    private static func checkFollows(
        _ log: any AuditedStore, ledgerID id: String, in database: ProjectionDatabase, path: String
    ) throws(LedgerError) {
        let recorded = try database.connection.rows("SELECT ledger_id, position, chain_hash FROM read_model_log") {
            ($0.string(0), $0.int64(1), $0.string(2))
        }
        guard let (followed, position, chainHash) = recorded.first else { return }
        guard followed == id else {
            throw LedgerError(
                .notALedger, "\(path): this read model follows another log (id \(followed), not \(id)); "
                    + "give --projections another file")
        }
        guard position > 0 else { return }
        let head = try log.headPosition()
        guard head >= position else {
            throw LedgerError(
                .notALedger, "\(path): this read model reflects position \(position) but the log ends at \(head): "
                    + "the log was restored from an older copy; give --projections a new file")
        }
        guard try log.event(at: position).chainHash.description == chainHash else {
            throw LedgerError(
                .notALedger, "\(path): the log's event at position \(position) is not the one this read model folded; "
                    + "give --projections a new file")
        }
    }

    /// Notes the log and the link of `position`, the last event folded, unless the file notes
    /// that position already (a read, or a look of `volg`, that found nothing new writes nothing).
    private func record(_ position: Int64) throws(LedgerError) -> Int64 {
        let noted = try database.connection.rows("SELECT position FROM read_model_log") { $0.int64(0) }
        guard noted.first != position else { return position }
        let link = position > 0 ? try log.event(at: position).chainHash.description : ""
        try database.transaction { () throws(LedgerError) in
            try database.connection.execute("DELETE FROM read_model_log")
            try database.run(
                "INSERT INTO read_model_log (ledger_id, position, chain_hash) VALUES (?1, ?2, ?3)",
                [.text(ledgerID), .integer(Int(position)), .text(link)])
        }
        return position
    }

    /// Creates an empty file at `path` readable and writable by its owner alone, unless it exists;
    /// an existing one is made owner-only too.
    private static func createOwnerOnly(_ path: String) throws(LedgerError) {
        let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LedgerError(.cannotOpen, "\(path): cannot create the read model (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)
    }
}
