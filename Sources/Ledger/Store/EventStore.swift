/// The storage a ledger needs, kept small so that another backend (PostgreSQL for
/// organisations that outgrow one machine) can implement it without touching decoding,
/// ingest or projections. ``SQLiteStore`` is the embedded default.
public protocol EventStore: AnyObject {
    /// What the events' metadata is: the columns, index tables and identity the store keeps.
    var eventDescription: EventDescription { get }
    /// Appends a batch in one transaction: all of it, or none of it. `beforeCommit` runs inside
    /// that transaction after the events are written, with what happened to each and the events
    /// it wrote (duplicates write none) as ``forEachEvent(from:_:)`` would read them, so whatever
    /// it writes (projections and their checkpoints) commits with them or not at all.
    func append(
        _ batch: [PreparedEvent], beforeCommit: BeforeCommit
    ) throws(LedgerError) -> [AppendOutcome]
    /// Runs `body`, whose appends then commit together when it ends (all of them, or none if it
    /// throws). A store that commits each append on its own runs `body` as it is (the default).
    func inOneCommit<Result>(_ body: () throws(LedgerError) -> Result) throws(LedgerError) -> Result
    /// Calls `body` for every event from `position` on, in log order, payloads decompressed.
    func forEachEvent(from position: Int64, _ body: (StoredEvent) throws(LedgerError) -> Void) throws(LedgerError)
    /// Calls `body` for every event from `position` on, in log order, still to be decoded: a
    /// caller that decodes them on other threads takes that work off the one that reads. (By
    /// default ``forEachEvent(from:_:)``'s events, decoded already.) With `indexRows` false the
    /// events' metadata may leave out the rows of the index tables, which a caller that reads none
    /// of them need not have read.
    func forEachEncodedEvent(
        from position: Int64, indexRows: Bool, _ body: (EncodedEvent) throws(LedgerError) -> Void
    ) throws(LedgerError)
    /// The event at `position`.
    func event(at position: Int64) throws(LedgerError) -> StoredEvent
    /// Positions of the events with this identity (values in the columns of the description's
    /// ``IdentityPolicy``, required ones first), oldest first.
    func positions(withIdentity identity: [MetadataValue?]) throws(LedgerError) -> [Int64]
    /// Positions of the events with a row in index table `table` whose key columns have these
    /// values (a part of the key is enough), in log order, each once.
    func positions(
        in table: IndexTable, matching key: [(column: String, value: MetadataValue)]
    ) throws(LedgerError) -> [Int64]
    /// Positions of the events whose metadata columns (of the description) have these values,
    /// in log order; best served by one of the description's indexes on `events`.
    func positions(where key: [(column: String, value: MetadataValue)]) throws(LedgerError) -> [Int64]
    /// The position of the last event; 0 for an empty log.
    func headPosition() throws(LedgerError) -> Int64
    /// Every compression dictionary the log holds.
    func dictionaries() throws(LedgerError) -> [CompressionDictionary]
    /// The dictionary of `soort`: the latest stored, or else the one `train` makes now, stored as
    /// version 1; nil when there is none and `train` makes none (too few samples). Writers of one
    /// log that need the same dictionary at once train it once: the others wait for it and take it.
    func dictionary(
        for soort: String, trainedBy train: () throws(LedgerError) -> [UInt8]?
    ) throws(LedgerError) -> CompressionDictionary?
    /// Up to `limit` of the latest payloads of one kind of message, to train a dictionary on.
    func samples(soort: String, limit: Int) throws(LedgerError) -> [[UInt8]]
    /// Recomputes the hash chain and checks every stored fact against it.
    func verify(progress: (Int64) -> Void) throws(LedgerError) -> VerificationReport
}

extension EventStore {
    public func inOneCommit<Result>(_ body: () throws(LedgerError) -> Result) throws(LedgerError) -> Result {
        try body()
    }

    public func forEachEncodedEvent(
        from position: Int64, indexRows: Bool, _ body: (EncodedEvent) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        try forEachEvent(from: position) { (event) throws(LedgerError) in try body(EncodedEvent(event)) }
    }
}

/// Runs inside an append's transaction with the outcome of every event of the batch and the
/// events it wrote, in log order.
public typealias BeforeCommit = (_ outcomes: [AppendOutcome], _ appended: [StoredEvent]) throws(LedgerError) -> Void

/// What `verify` found.
public struct VerificationReport: Sendable {
    /// The number of events checked.
    public var eventCount: Int64
    /// The chain hash of the last good event: write it down elsewhere to detect a cut-off tail later.
    public var headHash: Digest
    /// Problems in log order; empty when the log is intact.
    public var problems: [Problem]

    public var isIntact: Bool { problems.isEmpty }

    public init(eventCount: Int64, headHash: Digest, problems: [Problem]) {
        self.eventCount = eventCount
        self.headHash = headHash
        self.problems = problems
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The first position the problem concerns, nil for the log as a whole.
        public var position: Int64?
        public var reason: String

        public init(position: Int64?, reason: String) {
            self.position = position
            self.reason = reason
        }

        public var description: String {
            position.map { "position \($0): \(reason)" } ?? reason
        }
    }
}
