/// The ledger: an append-only log of events in an ``EventStore``, with compression and hash
/// chaining done before the writer sees an event.
///
/// ```swift
/// let ledger = try Ledger(path: "zorgledger.sqlite", access: .createIfMissing)
/// let outcomes = try ledger.append(events)        // one transaction
/// try ledger.forEachEvent(from: 1) { event in … }  // in log order, payloads decompressed
/// ```
///
/// Compression runs on every core. A caller that appends batch after batch can compress the
/// next batch on other threads with ``compressor`` (``EventCompressor/prepareSettled(_:)``)
/// while this one commits, and hand both to ``append(_:prepared:beforeCommit:)``. Use one
/// `Ledger` per thread: it owns a database connection.
public final class Ledger {
    public let store: any EventStore
    /// Compresses and hashes events with the ledger's current dictionaries, from any thread.
    public let compressor: EventCompressor
    private let trainer: DictionaryTrainer
    /// Kinds of message that had too few samples for a dictionary at the last try.
    private var untrainable: [String: Int] = [:]

    public init(store: any EventStore, trainer: DictionaryTrainer = DictionaryTrainer()) throws(LedgerError) {
        self.store = store
        self.trainer = trainer
        compressor = EventCompressor(try store.dictionaries(), eventDescription: store.eventDescription)
    }

    /// Opens (or creates) the SQLite ledger at `path`, whose events carry the metadata `eventDescription` describes.
    public convenience init(
        path: String, access: SQLiteStore.Access, eventDescription: EventDescription
    ) throws(LedgerError) {
        try self.init(store: try SQLiteStore(path: path, access: access, eventDescription: eventDescription))
    }

    /// Appends `events` in one transaction and says per event what happened.
    ///
    /// A re-delivery of bytes already in the log is a duplicate and writes nothing; a different
    /// message with the identity of an earlier one is appended and marked as a conflict.
    /// `beforeCommit` runs inside the transaction once the events are written, with the outcomes
    /// and the events written.
    public func append(
        _ events: [NewEvent], beforeCommit: BeforeCommit = { _, _ in }
    ) throws(LedgerError) -> [AppendOutcome] {
        try append(events, prepared: [PreparedEvent?](repeating: nil, count: events.count), beforeCommit: beforeCommit)
    }

    /// Appends `events`, of which ``EventCompressor/prepareSettled(_:)`` prepared some earlier,
    /// perhaps on another thread while the previous batch was committed. The others (nil) are
    /// prepared now, after a dictionary is trained for each kind among them that has none.
    public func append(
        _ events: [NewEvent], prepared: [PreparedEvent?],
        beforeCommit: BeforeCommit = { _, _ in }
    ) throws(LedgerError) -> [AppendOutcome] {
        precondition(events.count == prepared.count, "every event needs its place among the prepared")
        let waiting = prepared.indices.filter { prepared[$0] == nil }
        let unprepared = waiting.map { events[$0] }
        try trainMissingDictionaries(for: unprepared)
        var ready = prepared
        for (index, event) in zip(waiting, compressor.prepare(unprepared)) { ready[index] = event }
        return try store.append(ready.map { $0! }, beforeCommit: beforeCommit)
    }

    /// Trains a dictionary for each kind of message in `events` that has none yet, from this
    /// batch and the latest stored messages of that kind, once enough samples exist.
    private func trainMissingDictionaries(for events: [NewEvent]) throws(LedgerError) {
        var pending: [String: [[UInt8]]] = [:]
        for event in events {
            guard let soort = store.eventDescription.family(of: event.metadata), compressor.dictionary(for: soort) == nil
            else { continue }
            if pending[soort, default: []].count < trainer.maximumSamples {
                pending[soort, default: []].append(event.payload)
            }
        }
        // Without new samples since the last try, a second try would train on the same too-few messages.
        for (soort, batchSamples) in pending {
            if let seen = untrainable[soort], seen + batchSamples.count < trainer.minimumSamples {
                untrainable[soort] = seen + batchSamples.count
                pending[soort] = nil
            }
        }
        // Every kind is trained at once, on all cores; the store keeps each dictionary unless
        // another writer of the same log stored one meanwhile, which it then hands out instead.
        let kinds = pending.sorted(by: { $0.key < $1.key })
        var samples: [[[UInt8]]] = []
        for (soort, batchSamples) in kinds {
            samples.append(try store.samples(soort: soort, limit: trainer.maximumSamples - batchSamples.count) + batchSamples)
        }
        for ((soort, _), (sampled, trained)) in zip(kinds, zip(samples, trainer.train(eachOf: samples))) {
            guard let dictionary = try store.dictionary(for: soort, trainedBy: { trained }) else {
                untrainable[soort] = sampled.count
                continue
            }
            compressor.install(dictionary)
            untrainable[soort] = nil
        }
    }

    /// Runs `body`, whose appends commit together when it ends, where the store can (SQLite).
    /// When it fails, every append in it is rolled back, and with them any dictionary trained for
    /// them: the compressor forgets those, so no later event is compressed with a dictionary the
    /// log does not hold.
    public func inOneCommit<Result>(_ body: () throws(LedgerError) -> Result) throws(LedgerError) -> Result {
        do {
            return try store.inOneCommit(body)
        } catch {
            // Should the log not answer either, an event compressed with a forgotten dictionary
            // is refused by the foreign key on its dictionary_id.
            if let stored = try? store.dictionaries() { compressor.reset(to: stored) }
            throw error
        }
    }

    public func forEachEvent(
        from position: Int64 = 1, _ body: (StoredEvent) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        try store.forEachEvent(from: position, body)
    }

    public func event(at position: Int64) throws(LedgerError) -> StoredEvent { try store.event(at: position) }

    public func headPosition() throws(LedgerError) -> Int64 { try store.headPosition() }

    public func verify(progress: (Int64) -> Void = { _ in }) throws(LedgerError) -> VerificationReport {
        try store.verify(progress: progress)
    }
}
