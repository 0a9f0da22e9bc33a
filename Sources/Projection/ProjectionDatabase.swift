public import Ledger

/// The SQLite database the projections' tables, views and checkpoints live in, and the
/// connection they are written through, with statements prepared once and kept.
///
/// It is not the log's: the log is read through any ``EventStore``. When the log is an SQLite
/// file too, the projections share that file and its connection (``init(sharing:)``), so a
/// batch's events and its projection rows commit in one transaction; a log kept elsewhere (an
/// in-memory store in the tests, a PostgreSQL server) has its projections in a file of their own.
///
/// Folding a log applies the same few INSERTs thousands of times; preparing them once and
/// keeping them by their SQL text makes `apply` as cheap as a bind and a step.
public final class ProjectionDatabase {
    public let connection: SQLiteConnection
    /// The file the tables are in.
    public let path: String
    /// Whether that file is the log's own (an SQLite ledger), whose index tables and sources the
    /// projections' queries read in place; any other gets a copy of them (``LogIndexes``).
    let holdsLog: Bool
    private var statements: [String: SQLiteStatement] = [:]
    /// The same statements by where their SQL's bytes are: a projection passes the same string (a
    /// literal or a `static let`) for every row, and hashing its 100 to 600 bytes took about 600
    /// instructions a statement. An address is only a hint, as another string may live there
    /// later: the SQL kept with it must equal, which for the same string is one comparison of its
    /// storage.
    private var byAddress: [UnsafeRawPointer: (sql: String, statement: SQLiteStatement)] = [:]
    private static let addressesKept = 256
    /// What `run` was given, kept instead of run: a recorder's (``recorder()``); nil for every other.
    private var recorded: [Recorded]?

    /// One statement a recorder was given: its SQL and the values bound to it.
    struct Recorded: Sendable {
        let sql: String
        let values: [SQLValue]
    }

    /// The projections in the log's own file, written through the store's connection: whatever
    /// they write inside an append's `beforeCommit` commits with the batch or not at all.
    public convenience init(sharing store: SQLiteStore) {
        self.init(connection: store.connection, holdsLog: true)
    }

    /// The projections in an SQLite file of their own at `path`, created when missing: the read
    /// model of a log on PostgreSQL (``ReadModel``), or of the tests' in-memory log. Its page
    /// cache is the ledger's (64 MiB): a first catch-up rebuilds every projection in one
    /// transaction, and SQLite's default 2 MiB would write the indexes' pages out again and again.
    public init(path: String) throws(LedgerError) {
        connection = try SQLiteConnection(path: path, mode: .readWriteCreate)
        try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;")
        self.path = path
        holdsLog = false
    }

    /// Projections written through `connection`, such as a temporary database to compare with.
    init(connection: SQLiteConnection, holdsLog: Bool = false) {
        self.connection = connection
        path = connection.path
        self.holdsLog = holdsLog
    }

    /// Runs `body` in a write transaction; inside an open one (an append's `beforeCommit` on a
    /// shared connection) it becomes part of that transaction.
    func transaction<T>(_ body: () throws(LedgerError) -> T) throws(LedgerError) -> T {
        try connection.writeTransaction(body)
    }

    /// A database that records what ``run(_:_:)`` is given instead of running it, so a projection's
    /// `apply` can work out its rows on a thread other than the writer's, which then runs them
    /// (``run(_:)``). Its connection is an empty in-memory database that nothing is written to,
    /// one for all recorders: a replay makes one recorder for every 32 events, and opening a
    /// database for each was 1 % of its instructions.
    static func recorder() throws(LedgerError) -> ProjectionDatabase {
        let recorder = ProjectionDatabase(connection: try recorderConnection.get())
        recorder.recorded = []
        return recorder
    }

    /// Never read nor written (a recorder only records), so threads share it safely, although
    /// the ledger opens its connections without SQLite's own locking.
    private nonisolated(unsafe) static let recorderConnection = Result { () throws(LedgerError) in
        try SQLiteConnection(path: ":memory:", mode: .readWriteCreate)
    }

    /// The statements a recorder recorded, in the order it was given them.
    var recordedStatements: [Recorded] { recorded ?? [] }

    /// Runs statements a recorder recorded, in their order.
    func run(_ statements: [Recorded]) throws(LedgerError) {
        for statement in statements { try run(statement.sql, statement.values) }
    }

    /// Runs one statement that returns no rows, with `values` bound to ?1, ?2, …; a recorder records it.
    public func run(_ sql: String, _ values: [SQLValue]) throws(LedgerError) {
        if recorded != nil {
            recorded?.append(Recorded(sql: sql, values: values))
            return
        }
        let statement = try prepared(sql)
        defer { statement.rewind() }
        for (index, value) in values.enumerated() {
            switch value {
            case .integer(let number): statement.bind(Int32(index + 1), number)
            case .text(let text): statement.bind(Int32(index + 1), text)
            }
        }
        // Every parameter is bound on every run: one given no value is NULL, as in a fresh statement.
        for index in Int32(values.count)..<max(statement.parameterCount, Int32(values.count)) {
            statement.bind(index + 1, nil as Int?)
        }
        try statement.step()
    }

    private func prepared(_ sql: String) throws(LedgerError) -> SQLiteStatement {
        let address = sql.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        if let address, let known = byAddress[address], known.sql == sql { return known.statement }
        let statement: SQLiteStatement
        if let kept = statements[sql] {
            statement = kept
        } else {
            statement = try connection.prepare(sql, persistent: true)
            statements[sql] = statement
        }
        // SQL built anew for each row would otherwise be kept here once for every row.
        if let address, byAddress.count < Self.addressesKept { byAddress[address] = (sql, statement) }
        return statement
    }
}
