#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CSQLite

/// The destructor value that tells SQLite to copy bound bytes; Swift does not import the C macro.
let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// One SQLite connection, used from one thread at a time; the ledger and its projections share it.
///
/// A thin owner of `sqlite3*`: it knows how to open with the ledger's settings, run plain SQL,
/// prepare statements and map result codes to ``LedgerError``. It never puts bound values into
/// error text, so payload data (BSNs, names) cannot leak through an error message.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// The database file.
    public let path: String

    public enum Mode: Sendable {
        case readOnly
        case readWrite
        case readWriteCreate
    }

    /// SQLite's memory statistics, which the ledger never reads, take a global mutex on every
    /// allocation, and Debian's SQLite (built without lookaside) allocates for every row: off
    /// before the first connection initializes SQLite.
    private static let withoutMemoryStatistics: Void = { _ = zorgledger_sqlite3_disable_memory_statistics() }()

    public init(path: String, mode: Mode) throws(LedgerError) {
        _ = Self.withoutMemoryStatistics
        var db: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readOnly: SQLITE_OPEN_READONLY
        case .readWrite: SQLITE_OPEN_READWRITE
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw LedgerError(.cannotOpen, "\(path): \(message)")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(LedgerError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard rc == SQLITE_OK else {
            throw error(rc, message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc)))
        }
    }

    public func prepare(_ sql: String, persistent: Bool = false) throws(LedgerError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let rc = sqlite3_prepare_v3(handle, sql, -1, flags, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc, currentMessage) }
        return SQLiteStatement(statement, connection: self)
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so the head of the log read inside the
    /// transaction cannot move before the commit. Inside an open transaction `body` simply joins
    /// it (projections catching up before an append commits), and whatever it throws keeps that
    /// transaction from committing, even should a caller in between catch it. No savepoint: it
    /// would make SQLite copy every page the body changes to a statement journal, for a partial
    /// rollback nobody asks for (at 1,000,000 messages about 14 MB a batch).
    public func writeTransaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try transaction("BEGIN IMMEDIATE", writes: true, body)
    }

    /// Runs `body` in a read transaction, so that everything it reads comes from one snapshot;
    /// inside an open transaction it reads that transaction's view, including its own writes.
    public func readTransaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try transaction("BEGIN DEFERRED", writes: false, body)
    }

    /// What a write inside an open transaction threw: the transaction rolls back instead of committing.
    private var failedInside: LedgerError?

    /// `body` in a transaction begun with `begin`, or in the one already open; a failed `writes`
    /// body inside an open one is remembered, so that one cannot commit its partial work.
    private func transaction<T>(
        _ begin: String, writes: Bool, _ body: () throws(LedgerError) -> T
    ) throws(LedgerError) -> T {
        guard !isInTransaction else {
            do { return try body() } catch {
                if writes, failedInside == nil { failedInside = error }
                throw error
            }
        }
        try execute(begin)
        failedInside = nil
        do throws(LedgerError) {
            let result = try body()
            if let failure = failedInside { throw failure }
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The pages the database file holds.
    func pageCount() throws(LedgerError) -> Int64 {
        let statement = try prepare("PRAGMA page_count")
        try statement.step()
        return statement.int64(0)
    }

    public var currentMessage: String { String(cString: sqlite3_errmsg(handle)) }

    private var storageFull: LedgerError {
        LedgerError(
            .storageFull,
            "\(path): the disk is full or the file-size limit was reached; nothing of this batch was written")
    }

    /// A write refused for lack of space (ENOSPC) or over the file-size limit (EFBIG, `ulimit -f`)
    /// is a full disk to the user. SQLite reports EFBIG as a failed write, and by the time the
    /// error surfaces its rollback may have overwritten errno; so a failed write while a file-size
    /// limit is in force counts too.
    private func isOutOfSpace(_ rc: Int32) -> Bool {
        if [ENOSPC, EFBIG].contains(sqlite3_system_errno(handle)) { return true }
        var limit = rlimit()
        let ioerrWrite = SQLITE_IOERR | (3 << 8)  // SQLITE_IOERR_WRITE; Swift does not import the C macro
        return rc == ioerrWrite && getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0
            && limit.rlim_cur != rlim_t.max  // RLIM_INFINITY
    }

    func error(_ rc: Int32, _ message: String) -> LedgerError {
        switch rc & 0xFF {
        case SQLITE_NOTADB: LedgerError(.notALedger, "\(path): not a zorgledger file (not an SQLite database)")
        case SQLITE_BUSY, SQLITE_LOCKED:
            LedgerError(.busy, "\(path): another process is writing to this ledger; try again when it is done")
        case SQLITE_FULL: storageFull
        case SQLITE_IOERR where isOutOfSpace(rc): storageFull
        case SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY:
            LedgerError(.io, "\(path): \(message)")
        case SQLITE_CORRUPT: LedgerError(.corrupt, "\(path): the database file is damaged (\(message))")
        default: LedgerError(.sqlite, "\(path): SQLite error \(rc): \(message)")
        }
    }
}
