import Dispatch

/// The ledger: an append-only log of events in an ``EventStore``, with compression and hash
/// chaining done before the writer sees an event.
///
/// ```swift
/// let ledger = try Ledger(path: "zorgledger.sqlite", access: .createIfMissing)
/// let outcomes = try ledger.append(events)        // one transaction
/// try ledger.forEachEvent(from: 1) { event in … }  // in log order, payloads decompressed
/// ```
///
/// Compression runs on every core; the single writer only binds and steps. Use one `Ledger`
/// per thread: it owns a database connection.
public final class Ledger {
    public let store: any EventStore
    private let trainer: DictionaryTrainer
    private var current: [String: CompressionDictionary] = [:]
    /// Kinds of message that had too few samples for a dictionary at the last try.
    private var untrainable: [String: Int] = [:]

    public init(store: any EventStore, trainer: DictionaryTrainer = DictionaryTrainer()) throws(LedgerError) {
        self.store = store
        self.trainer = trainer
        for dictionary in try store.dictionaries() where (current[dictionary.soort]?.versie ?? 0) < dictionary.versie {
            current[dictionary.soort] = dictionary
        }
    }

    /// Opens (or creates) the SQLite ledger at `path`.
    public convenience init(path: String, access: SQLiteStore.Access) throws(LedgerError) {
        try self.init(store: try SQLiteStore(path: path, access: access))
    }

    /// Appends `events` in one transaction and says per event what happened.
    ///
    /// A re-delivery of bytes already in the log is a duplicate and writes nothing; a different
    /// message with the identity of an earlier one is appended and marked as a conflict.
    /// `beforeCommit` runs inside the transaction once the events are written, with the outcomes.
    public func append(
        _ events: [NewEvent], beforeCommit: ([AppendOutcome]) throws(LedgerError) -> Void = { _ in }
    ) throws(LedgerError) -> [AppendOutcome] {
        try trainMissingDictionaries(for: events)
        return try store.append(prepare(events), beforeCommit: beforeCommit)
    }

    /// Compresses and hashes `events` on all cores.
    public func prepare(_ events: [NewEvent]) -> [PreparedEvent] {
        let dictionaries = current
        let prepared = UnsafeMutableBufferPointer<PreparedEvent>.allocate(capacity: events.count)
        defer { prepared.deallocate() }
        let chunk = 64
        // Each iteration initializes its own slots only, so the unsynchronized writes never overlap.
        nonisolated(unsafe) let output = prepared
        DispatchQueue.concurrentPerform(iterations: (events.count + chunk - 1) / chunk) { index in
            let scratch = CompressionScratch()
            for offset in (index * chunk)..<min(events.count, (index + 1) * chunk) {
                (output.baseAddress! + offset).initialize(
                    to: Self.prepare(events[offset], dictionaries: dictionaries, scratch: scratch))
            }
        }
        let result = Array(prepared)
        _ = prepared.deinitialize()
        return result
    }

    static func prepare(
        _ event: NewEvent, dictionaries: [String: CompressionDictionary], scratch: CompressionScratch
    ) -> PreparedEvent {
        let dictionary = event.metadata.soort.flatMap { dictionaries[$0] }
        return event.payload.withUnsafeBytes { raw in
            PreparedEvent(
                kind: event.kind, metadata: event.metadata, source: event.source,
                compressed: PayloadCodec.compress(raw, dictionary: dictionary, scratch: scratch), rawSize: raw.count,
                dictionaryID: dictionary?.id, contentHash: Digest(of: raw))
        }
    }

    /// Trains a dictionary for each kind of message in `events` that has none yet, from this
    /// batch and the latest stored messages of that kind, once enough samples exist.
    private func trainMissingDictionaries(for events: [NewEvent]) throws(LedgerError) {
        var pending: [String: [[UInt8]]] = [:]
        for event in events {
            guard let soort = event.metadata.soort, current[soort] == nil else { continue }
            if pending[soort, default: []].count < 64 { pending[soort, default: []].append(event.payload) }
        }
        for (soort, batchSamples) in pending.sorted(by: { $0.key < $1.key }) {
            // Without new samples since the last try, a second try would train on the same too-few messages.
            if let seen = untrainable[soort], seen + batchSamples.count < trainer.minimumSamples {
                untrainable[soort] = seen + batchSamples.count
                continue
            }
            let samples = try store.samples(soort: soort, limit: 64 - batchSamples.count) + batchSamples
            guard let bytes = trainer.train(samples) else {
                untrainable[soort] = samples.count
                continue
            }
            current[soort] = try store.addDictionary(soort: soort, bytes: bytes)
            untrainable[soort] = nil
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
