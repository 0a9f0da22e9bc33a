import Kenmerken
import Ledger
import PostgresLog
import Projection

/// Where this invocation's ledger is, and so where its projections are.
enum LedgerLocation {
    /// One SQLite file with the log and its projections, which every append keeps current.
    case file(String)
    /// A log on PostgreSQL, shared by many writers; each reader keeps the projections in a local
    /// read model (`--projections`) that it brings up to date before it answers.
    case postgres(PostgresURL)

    /// A PostgreSQL URL, else a file name.
    init(_ text: String) throws {
        self = PostgresURL.isPostgres(text) ? .postgres(try PostgresURL(text)) : .file(text)
    }

    /// Opens the log. `.createIfMissing` creates a missing SQLite file, or the log's tables in an
    /// empty PostgreSQL database; `.read` and `.write` need a ledger that exists.
    func open(_ access: SQLiteStore.Access) throws -> any AuditedStore {
        switch self {
        case .file(let path): try SQLiteStore(path: path, access: access)
        case .postgres(let url): try PostgresStore(url: url, eventDescription: .berichten, create: access == .createIfMissing)
        }
    }
}

extension GlobalOptions {
    /// Opens the log (see ``LedgerLocation/open(_:)``).
    /// - throws: ``ReadModelNotNeeded`` for `--projections` beside an SQLite ledger.
    func openLog(_ access: SQLiteStore.Access) throws -> any AuditedStore {
        let location = try location
        if case .file = location { try checkNoReadModel() }
        return try location.open(access)
    }

    /// Opens the ledger for reading; it must exist.
    func openForReading() throws -> Ledger { try Ledger(store: try openLog(.read)) }

    /// The read model of `log`, the log on PostgreSQL at `url`.
    /// - throws: ``ReadModelMissing`` without `--projections`.
    func readModel(of url: PostgresURL, following log: any AuditedStore) throws -> ReadModel {
        guard let path = readModelPath else { throw ReadModelMissing(url: url) }
        return try ReadModel(path: path, following: log)
    }

    /// Brings the projections of `log` up to its head: an SQLite ledger's in its file, a PostgreSQL
    /// log's in the read model when one is given (an ingest or a record on PostgreSQL writes the log
    /// alone; readers catch up when they read).
    func catchUpProjections(of log: any AuditedStore) throws {
        if case .postgres = try location, readModelPath == nil { return }
        try projections(of: log).catchUp()
    }

    /// Rebuilds the projections of `log` from position 1; returns the position they reflect.
    func replayProjections(of log: any AuditedStore) throws -> Int64 {
        try projections(of: log).replay()
    }

    /// Refuses `--projections` beside an SQLite ledger (`ZORGLEDGER_PROJECTIONS` is ignored there, so
    /// one environment can serve both kinds of ledger).
    func checkNoReadModel() throws {
        if let projections { throw ReadModelNotNeeded(path: projections) }
    }

    private func projections(of log: any AuditedStore) throws -> Projections {
        switch try location {
        case .postgres(let url): return .readModel(try readModel(of: url, following: log))
        case .file:
            guard let store = log as? SQLiteStore else { throw CommandFailure("the projections of this log have no place") }
            return .inLedger(store)
        }
    }
}

/// Where the projections of a log are kept up to date.
private enum Projections {
    /// In the SQLite ledger's own file, written through its connection.
    case inLedger(SQLiteStore)
    /// In the read model of a log on PostgreSQL.
    case readModel(ReadModel)

    @discardableResult
    func catchUp() throws -> Int64 {
        switch self {
        case .inLedger(let store): try ProjectionRunner.zorgledger.catchUp(log: store, into: ProjectionDatabase(sharing: store))
        case .readModel(let model): try model.catchUp(.zorgledger)
        }
    }

    func replay() throws -> Int64 {
        switch self {
        case .inLedger(let store): try ProjectionRunner.zorgledger.replay(log: store, into: ProjectionDatabase(sharing: store))
        case .readModel(let model): try model.replay(.zorgledger)
        }
    }
}

/// A log on PostgreSQL read without a read model: the projections have nowhere to live.
struct ReadModelMissing: Error, CustomStringConvertible {
    var url: PostgresURL
    var description: String {
        "\(url): a log on PostgreSQL is read through a local read model; give --projections FILE "
            + "(or ZORGLEDGER_PROJECTIONS)"
    }
}

/// `--projections` beside an SQLite ledger, whose projections are in its own file.
struct ReadModelNotNeeded: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "\(path): --projections is for a log on PostgreSQL; an SQLite ledger keeps its projections in its own file"
    }
}
