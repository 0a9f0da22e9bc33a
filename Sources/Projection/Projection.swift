public import Berichten
public import Ledger

/// A projection: current state rebuilt from the log as a pure fold of its events.
///
/// A projection stores facts keyed by the standard's business keys (plus the log position of
/// the message that carried them) and derives current state in views and queries. That keeps
/// the fold independent of arrival order (OP080), so catching up after every batch gives the
/// same tables as one replay from the start. The ``ProjectionRunner`` owns checkpoints,
/// catch-up and rebuilds; a projection only says what its tables are and what one event adds.
public protocol Projection: Sendable {
    /// A stable name, also the prefix of its tables and views.
    var name: String { get }
    /// Bump it whenever the schema or the fold changes: the next catch-up rebuilds the projection.
    var version: Int { get }
    /// `CREATE TABLE` statements, and the `CREATE INDEX` statements its fold reads, documented with SQL comments.
    var tables: String { get }
    /// `CREATE INDEX` statements the fold does not need: a rebuild creates them after its fold, in
    /// the same transaction, each in one sorted pass instead of row by row.
    var indexes: String { get }
    /// `CREATE VIEW` statements; created after every projection's tables, so they may join them.
    var views: String { get }
    /// The names of the tables it creates, dropped before a rebuild.
    var tableNames: [String] { get }
    /// The names of the views it creates, dropped before a rebuild.
    var viewNames: [String] { get }
    /// Tables and views an earlier version created that this one does not: dropped before a rebuild.
    var retiredNames: [String] { get }
    /// A query of the columns `positie, kennisdatum` (YYYY-MM-DD): the day each event it records
    /// became known, for ``Kennisstand/bekendOp``; nil when it dates no events itself. Events no
    /// projection dates are never visible under `bekendOp`.
    var kennisdata: String? { get }
    /// Adds the facts of one event. `bericht` is nil for events that are not messages or no
    /// longer decode; the metadata recorded at append time is then all there is.
    ///
    /// It writes through `database.run` and reads nothing: a replay calls it on the decoding
    /// threads with a database that records the statements, and runs them on the writer.
    func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError)
    /// Adds the facts that relate the events at `positions`, all just applied, to each other and to
    /// the events applied before them: once per run of events (an ingest's batch, everything a
    /// replay or catch-up read from the log) instead of once per event, where one set-wise
    /// statement does the work of many. Nothing reads those facts before the run is related.
    func applied(_ positions: ClosedRange<Int64>, to database: ProjectionDatabase) throws(LedgerError)
    /// Whether ``apply(_:_:to:)`` reads the rows the log's index tables hold for an event
    /// (``StoredEvent/metadata``'s BSNs and toewijzingen); a fold in which no projection does
    /// reads the log without them.
    var readsIndexRows: Bool { get }
}

extension Projection {
    public var kennisdata: String? { nil }
    public var retiredNames: [String] { [] }
    public var indexes: String { "" }
    public var readsIndexRows: Bool { false }
    public func applied(_ positions: ClosedRange<Int64>, to database: ProjectionDatabase) throws(LedgerError) {}
}
