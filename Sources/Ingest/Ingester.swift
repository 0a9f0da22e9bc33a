import Dispatch
public import Berichten
import Kenmerken
public import Ledger

/// Appends messages from files to a ledger in batches: each batch is read and decoded on all
/// cores, compressed on all cores, and then committed by the one writer in one transaction.
/// The next batch is read, decoded and compressed while the writer commits the current one.
///
/// A batch is all or nothing: a crash leaves every earlier batch in the log and none of the
/// current one, so running the same ingest again completes it, the earlier messages counting as
/// duplicates.
public final class Ingester {
    private let ledger: Ledger
    private let batchSize: BatchSize
    private let schemas: SchemaSet?
    private let beforeCommit: (_ appended: [Appended]) throws(LedgerError) -> Void

    /// An event a batch wrote, as the log holds it, with the message the ingester decoded from
    /// it (nil when only its header could be read).
    public typealias Appended = (event: StoredEvent, bericht: Bericht?)

    /// - parameters:
    ///     - schemas: when given, every message is also validated against its XSD (control level 1);
    ///       a message that decodes but breaks its schema is still appended, and flagged.
    ///     - beforeCommit: runs inside each batch's transaction after its events are written, with
    ///       the events it appended (duplicates are not) and their decoded messages; the
    ///       projections catch up there, so a crash never leaves them behind the log, and need
    ///       not read the batch back nor decode it again.
    public init(
        ledger: Ledger, batchSize: BatchSize = .standard, schemas: SchemaSet? = nil,
        beforeCommit: @escaping (_ appended: [Appended]) throws(LedgerError) -> Void = { _ in }
    ) {
        self.ledger = ledger
        self.batchSize = batchSize
        self.schemas = schemas
        self.beforeCommit = beforeCommit
    }

    /// Ingests `sources` in order, taking them one batch at a time; `progress` is called after every
    /// commit with `total` (by default the sequence's `underestimatedCount`, an array's count).
    /// - throws: ``LedgerError`` when the ledger cannot be written; batches committed before stay.
    public func ingest(
        _ sources: some Sequence<IngestSource>, total: Int? = nil,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(LedgerError) -> IngestReport {
        var report = IngestReport()
        let total = total ?? sources.underestimatedCount
        // Batches are taken as they are needed: a million sources are never in memory at once.
        var remaining = sources.makeIterator()
        let logHeld = try ledger.headPosition()
        func nextBatch() -> [IngestSource] {
            let size = batchSize.size(logHolding: logHeld + Int64(report.appended))
            var batch: [IngestSource] = []
            while batch.count < size, let source = remaining.next() { batch.append(source) }
            return batch
        }
        let compressor = ledger.compressor
        var sourcesOfNext = nextBatch()
        // The next batch is read, decoded and compressed on other threads, below the writer's
        // priority, while the writer appends this one; a message of a kind without a dictionary
        // yet is compressed by the writer, after the dictionary it trains from the batch, rather
        // than twice. The batch the writer finished last is freed first.
        var finished: Handover<Finished>?
        func decoding(_ batch: [IngestSource]) -> Background<DecodedBatch>? {
            guard !batch.isEmpty else { return nil }
            return Background(freeingFirst: finished.take()) { [schemas] in
                let decoded = Ingester.decode(batch, schemas: schemas)
                let events = decoded.compactMap { try? $0.get().event }
                return DecodedBatch(decoded: decoded, prepared: compressor.prepareSettled(events))
            }
        }
        var next = decoding(sourcesOfNext)
        var done = 0
        while next != nil {
            // A large log's batches commit several at a time (``BatchSize``).
            let together = batchSize.batchesPerCommit(logHolding: logHeld + Int64(report.appended))
            try ledger.inOneCommit { () throws(LedgerError) in
                for _ in 0..<together {
                    guard let current = next else { break }
                    let batch = current.take()
                    let sourcesOfBatch = sourcesOfNext
                    sourcesOfNext = nextBatch()
                    next = decoding(sourcesOfNext)
                    var events: [NewEvent] = []
                    var origins: [(IngestSource, Decoded)] = []
                    for (source, result) in zip(sourcesOfBatch, batch.decoded) {
                        switch result {
                        case .success(let message):
                            events.append(message.event)
                            origins.append((source, message))
                        case .failure(let rejection):
                            report.rejected.append(rejection)
                        }
                    }
                    let outcomes = try ledger.append(events, prepared: batch.prepared) {
                        (outcomes, written) throws(LedgerError) in
                        // `written` holds the events of the outcomes that are no duplicates, in order.
                        var appended: [Appended] = []
                        appended.reserveCapacity(written.count)
                        var events = written.makeIterator()
                        for (outcome, (_, message)) in zip(outcomes, origins) {
                            if case .duplicate = outcome { continue }
                            if let event = events.next() { appended.append((event, message.bericht)) }
                        }
                        try beforeCommit(appended)
                    }
                    for (outcome, (source, message)) in zip(outcomes, origins) {
                        report.count(
                            outcome, source: source, bevindingen: message.bevindingen,
                            schemaMissing: message.schemaMissing)
                    }
                    finished = Handover((consume batch, consume origins, consume events))
                    done += sourcesOfBatch.count
                }
            }
            // A ZIP counted as one file hands out its entries one by one.
            progress(done, max(total, done))
        }
        return report
    }

    /// What the writer holds of a batch once it is done with it.
    private typealias Finished = (DecodedBatch, [(IngestSource, Decoded)], [NewEvent])

    /// A batch decoded, and the prepared events of the messages that decoded, in order (nil
    /// where one is left to the writer).
    private struct DecodedBatch: Sendable {
        var decoded: [Result<Decoded, IngestReport.Rejection>]
        var prepared: [PreparedEvent?]
    }

    /// A class, not a struct: the writer hands each message on (to the append, the projections,
    /// the report) with one retain instead of one for every array and string a `Bericht` holds.
    private final class Decoded: Sendable {
        let event: NewEvent
        /// Nil for a message of which only the header could be read.
        let bericht: Bericht?
        let bevindingen: [Bevinding]
        /// The XSD that was needed but missing or unusable, so the message was not validated.
        let schemaMissing: String?

        init(event: NewEvent, bericht: Bericht?, bevindingen: [Bevinding], schemaMissing: String? = nil) {
            self.event = event
            self.bericht = bericht
            self.bevindingen = bevindingen
            self.schemaMissing = schemaMissing
        }
    }

    /// Reads and decodes a batch on all cores, keeping the batch's order.
    private static func decode(
        _ batch: [IngestSource], schemas: SchemaSet?
    ) -> [Result<Decoded, IngestReport.Rejection>] {
        // Built in place: each iteration initializes its own slot only, so the unsynchronized writes
        // never overlap, and no result is copied out of a scratch buffer afterwards.
        [Result<Decoded, IngestReport.Rejection>](unsafeUninitializedCapacity: batch.count) { results, initialized in
            nonisolated(unsafe) let output = results
            DispatchQueue.concurrentPerformBelowCaller(iterations: batch.count) { index in
                (output.baseAddress! + index).initialize(to: decode(batch[index], schemas: schemas))
            }
            initialized = batch.count
        }
    }

    private static func decode(
        _ source: IngestSource, schemas: SchemaSet?
    ) -> Result<Decoded, IngestReport.Rejection> {
        let bytes: [UInt8]
        let aflevering: Aflevering
        do {
            (bytes, aflevering) = try Aflevering.open(source)
        } catch {
            return .failure(.init(source: source, reason: error.description))
        }
        do {
            let bericht = try BerichtDecoder.decode(bytes)
            var metadata = EventMetadata(bericht)
            metadata.record(aflevering)
            let event = NewEvent(kind: .bericht, payload: bytes, metadata: metadata, source: source.name)
            var bevindingen = bericht.bevindingen()
            var schemaMissing: String?
            if let schemas {
                switch schemas.validator(
                    standaard: bericht.standaard, release: bericht.release, berichttype: bericht.berichttype)
                {
                case .success(let validator): bevindingen += validator.validate(bytes).map(Bevinding.init(xsd:))
                case .failure:
                    schemaMissing = schemas.path(
                        standaard: bericht.standaard, release: bericht.release, berichttype: bericht.berichttype)
                }
            }
            return .success(Decoded(event: event, bericht: bericht, bevindingen: bevindingen, schemaMissing: schemaMissing))
        } catch {
            // A message whose header can be read was exchanged: it is recorded, flagged with what
            // breaks its schema, and (like any level-1 failure) counts as not sent.
            guard let kop = try? Berichtkop.read(bytes) else {
                // Say that it is the message inside, not the envelope or record around it, that fails.
                let reason = aflevering.envelop == nil ? error.description : "the message it carries: \(error.description)"
                return .failure(.init(source: source, reason: reason))
            }
            var metadata = EventMetadata(kop)
            metadata.record(aflevering)
            let event = NewEvent(kind: .bericht, payload: bytes, metadata: metadata, source: source.name)
            return .success(Decoded(event: event, bericht: nil, bevindingen: [Bevinding(schemaFout: error)]))
        }
    }
}

/// How many messages an ingest puts in one batch and how many batches in one commit, by how
/// many events the log holds.
///
/// A commit writes every page it changed whole. Once the log's indexes on random keys (BSN, a
/// message's identity, the projections' keys) have fewer pages than a batch has keys, a batch
/// changes nearly all of them, however many messages it holds, so a larger commit writes fewer
/// pages a message; in a small log a smaller batch starts the writer sooner. Measured with 2,000
/// against 1,000 messages a batch: 1,007,220 messages 11 % faster (and 20 MiB more at the peak),
/// 99,835 as fast, 10,625 4 % slower. Batches of 4,000 were 8 % faster again at a million
/// messages but peaked at 281 MiB (two batches in flight); two batches of 2,000 in one commit
/// write as few pages and keep the batches' memory.
public struct BatchSize: Sendable, Hashable {
    public var small: Int
    public var large: Int
    /// The number of events in the log from which batches are `large`.
    public var largeFrom: Int64
    /// How many large batches commit together.
    public var largePerCommit: Int

    public init(small: Int, large: Int, largeFrom: Int64, largePerCommit: Int = 1) {
        self.small = max(1, small)
        self.large = max(1, large)
        self.largeFrom = largeFrom
        self.largePerCommit = max(1, largePerCommit)
    }

    /// The same size whatever the log holds, each batch its own commit (`ingest --batch-size`).
    public static func fixed(_ size: Int) -> BatchSize { BatchSize(small: size, large: size, largeFrom: 0) }

    /// 1,000 messages a batch, each its own commit; once the log holds 100,000 events, 2,000 a
    /// batch and two batches a commit.
    public static let standard = BatchSize(small: 1000, large: 2000, largeFrom: 100_000, largePerCommit: 2)

    public func size(logHolding events: Int64) -> Int { events >= largeFrom ? large : small }

    public func batchesPerCommit(logHolding events: Int64) -> Int { events >= largeFrom ? largePerCommit : 1 }
}

/// What an ingest did, message by message where it matters.
public struct IngestReport: Sendable {
    public var appended = 0
    public var duplicates = 0
    /// Appended, but with the identity of an earlier, different message.
    public var conflicts: [(source: IngestSource, position: Int64, earlier: Int64)] = []
    /// Not understood as an iWmo/iJw message at all; nothing was appended for these.
    public var rejected: [Rejection] = []
    /// Appended, but breaking business rules of the standard or (with schemas) its XSD.
    public var flagged: [(source: IngestSource, position: Int64, bevindingen: [Bevinding])] = []
    /// Appended without XSD validation because the schema was missing or unusable: the count of
    /// messages per schema path. Empty when no schemas were asked for.
    public var notValidated: [String: Int] = [:]

    public struct Rejection: Error, Sendable {
        public var source: IngestSource
        public var reason: String

        public var description: String { "\(source.displayName): \(reason)" }
    }

    mutating func count(
        _ outcome: AppendOutcome, source: IngestSource, bevindingen: [Bevinding], schemaMissing: String?
    ) {
        switch outcome {
        case .appended: appended += 1
        case .duplicate: duplicates += 1
        case .conflict(let position, let earlier):
            appended += 1
            conflicts.append((source, position, earlier))
        }
        if case .duplicate = outcome { return }
        if let schemaMissing { notValidated[schemaMissing, default: 0] += 1 }
        if !bevindingen.isEmpty { flagged.append((source, outcome.position, bevindingen)) }
    }
}
