internal import Berichten
internal import Ingest
internal import PostgresLog
import Kenmerken
public import Ledger
public import Projection

/// A ledger in a fresh folder with a set of projections, removed when the test is done with it.
///
/// Messages go straight into the log and the projections catch up inside the append, taking the
/// batch as it was appended (as `ingest` does), without the CLI in between; each test target adds
/// the queries it compares in an extension.
public final class TestLedger {
    /// Where the log is kept; the projections are in the SQLite file at ``path`` either way.
    public enum Log: Sendable {
        /// The log in that same SQLite file, sharing its transactions with the projections.
        case sqlite
        /// The log in an ``InMemoryStore``: a second store, with the projections in a file of their own.
        case geheugen
        /// The log in a new database on the test server (``PostgresServer``), the projections in a file.
        case postgres

        /// Every store the tests can use here: PostgreSQL when a server is given (and always under CI,
        /// where a missing server fails; the PostgreSQL suite reports itself skipped otherwise).
        public static let available: [Log] = [.sqlite, .geheugen] + (PostgresServer.shouldRun ? [.postgres] : [])
    }

    private let runner: ProjectionRunner
    public let work: WorkDirectory
    /// The SQLite file the projections are in.
    public let path: String
    public let ledger: Ledger
    private let projections: ProjectionDatabase

    public init(runner: ProjectionRunner, log: Log = .sqlite) throws {
        self.runner = runner
        work = try WorkDirectory()
        path = work.ledger
        switch log {
        case .sqlite:
            let store = try SQLiteStore(path: path, access: .createIfMissing)
            ledger = try Ledger(store: store)
            projections = ProjectionDatabase(sharing: store)
        case .geheugen:
            ledger = try Ledger(store: InMemoryStore(eventDescription: .berichten))
            projections = try ProjectionDatabase(path: path)
        case .postgres:
            let url = try PostgresURL(try PostgresServer.freshDatabase())
            ledger = try Ledger(store: PostgresStore(url: url, eventDescription: .berichten, create: true))
            projections = try ProjectionDatabase(path: path)
        }
    }

    /// Appends the messages in the order given, in one batch, and catches the projections up in
    /// its transaction with the messages as decoded here.
    public func ingest(_ berichten: [[UInt8]]) throws {
        let decoded = try berichten.map { try BerichtDecoder.decode($0) }
        try append(decoded.enumerated().map { index, bericht -> (NewEvent, Bericht?) in
            (NewEvent(kind: .bericht, payload: berichten[index], metadata: EventMetadata(bericht), source: nil), bericht)
        })
    }

    /// Brings the projections up to the end of the log, reading what they have not seen from it.
    public func catchUp() throws { try runner.catchUp(log: ledger.store, into: projections) }

    /// Rebuilds the projections from the log.
    public func replay() throws { try runner.replay(log: ledger.store, into: projections) }

    /// The differences between the stored projections and a fresh replay.
    public func verify() throws -> [String] { try runner.verify(log: ledger.store, projectionsAt: path) }

    /// Appends the messages without catching up, for tests of catch-up and replay themselves.
    public func append(_ berichten: [[UInt8]]) throws {
        let events = try berichten.map { bytes in
            NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try BerichtDecoder.decode(bytes)), source: nil)
        }
        _ = try ledger.append(events)
    }

    /// Appends messages whose content breaks their schema, recorded for their header alone as
    /// `ingest` records them, and catches up.
    public func ingestHeaderOnly(_ berichten: [[UInt8]]) throws {
        try append(berichten.map { bytes -> (NewEvent, Bericht?) in
            (NewEvent(kind: .bericht, payload: bytes, metadata: EventMetadata(try Berichtkop.read(bytes)), source: nil), nil)
        })
    }

    /// Appends `events` in one batch and catches up in its transaction with the messages given.
    private func append(_ events: [(NewEvent, Bericht?)]) throws {
        _ = try ledger.append(events.map(\.0)) { (outcomes, appended) throws(LedgerError) in
            let berichten = zip(outcomes, events).filter { outcome, _ in
                if case .duplicate = outcome { false } else { true }
            }.map { $0.1.1 }
            try runner.catchUp(log: ledger.store, into: projections, appended: Array(zip(appended, berichten)))
        }
    }

    public var connection: SQLiteConnection { get throws { try SQLiteConnection(path: path, mode: .readOnly) } }

    /// A writing connection, for tests that tamper with projection tables behind the runner's back.
    public func writer() throws -> SQLiteConnection { try SQLiteConnection(path: path, mode: .readWrite) }
}
