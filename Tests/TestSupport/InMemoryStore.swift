public import Ledger

/// A second ``EventStore``: the log in memory, for the tests that show projections need no
/// SQLite log (their tables are then in a ``ProjectionDatabase`` file of their own).
///
/// It keeps the payloads as they came and the chain as ``SQLiteStore`` computes it; a batch
/// whose `beforeCommit` throws is taken back, as a rolled-back transaction would be.
public final class InMemoryStore: EventStore {
    public let eventDescription: EventDescription
    private var events: [StoredEvent] = []
    private var stored: [CompressionDictionary] = []
    /// How many events were read back (``forEachEvent(from:_:)``, ``event(at:)``): what the
    /// tests count to show that a catch-up takes a batch as appended.
    public private(set) var eventsRead = 0

    public init(eventDescription: EventDescription) {
        self.eventDescription = eventDescription
    }

    public func append(_ batch: [PreparedEvent], beforeCommit: BeforeCommit) throws(LedgerError) -> [AppendOutcome] {
        let start = events.count
        let recordedAt = Timestamp.now()
        var outcomes: [AppendOutcome] = []
        for event in batch {
            if let column = eventDescription.identity.delivery, let delivery = event.metadata[column],
                let earlier = events.first(where: { $0.metadata[column] == delivery })
            {
                outcomes.append(.duplicate(of: earlier.position))
                continue
            }
            let identity = eventDescription.identity.identity(of: event.metadata)
            let known = identity.map { identity in
                events.filter { eventDescription.identity.identity(of: $0.metadata) == identity }
            } ?? []
            if let same = known.first(where: { $0.contentHash == event.contentHash }) {
                outcomes.append(.duplicate(of: same.position))
                continue
            }
            let position = Int64(events.count + 1)
            let conflictOf = known.first?.position
            let link = ChainLink.compute(
                previous: events.last?.chainHash ?? .genesis, position: position, contentHash: event.contentHash,
                kind: event.kind, recordedAt: recordedAt, source: event.source, metadata: event.metadata,
                eventDescription: eventDescription, rawSize: event.rawSize, conflictOf: conflictOf)
            events.append(StoredEvent(
                position: position, kind: event.kind, recordedAt: recordedAt, source: event.source,
                metadata: event.metadata, payload: event.payload, conflictOf: conflictOf,
                contentHash: event.contentHash, chainHash: link))
            outcomes.append(conflictOf.map { .conflict(position: position, earlier: $0) } ?? .appended(position))
        }
        do {
            try beforeCommit(outcomes, Array(events[start...]))
        } catch {
            events.removeSubrange(start...)
            throw error
        }
        return outcomes
    }

    public func forEachEvent(
        from position: Int64, _ body: (StoredEvent) throws(LedgerError) -> Void
    ) throws(LedgerError) {
        for event in events.dropFirst(Int(max(position, 1)) - 1) {
            eventsRead += 1
            try body(event)
        }
    }

    public func event(at position: Int64) throws(LedgerError) -> StoredEvent {
        guard position >= 1, position <= events.count else {
            throw LedgerError(.noSuchEvent, "there is no event at position \(position)")
        }
        eventsRead += 1
        return events[Int(position) - 1]
    }

    public func positions(withIdentity identity: [MetadataValue?]) throws(LedgerError) -> [Int64] {
        events.filter { eventDescription.identity.identity(of: $0.metadata) == identity }.map(\.position)
    }

    public func positions(
        in table: IndexTable, matching key: [(column: String, value: MetadataValue)]
    ) throws(LedgerError) -> [Int64] {
        guard let index = eventDescription.indexTables.firstIndex(of: table) else { return [] }
        let width = table.columns.count
        let offsets = key.map { part in (table.columns.firstIndex { $0.name == part.column }, part.value) }
        return events.filter { event in
            let values = event.metadata.rows(ofIndexTable: index)
            return stride(from: 0, to: values.count, by: width).contains { row in
                offsets.allSatisfy { offset, value in offset.map { values[row + $0] == value } ?? false }
            }
        }.map(\.position)
    }

    public func positions(where key: [(column: String, value: MetadataValue)]) throws(LedgerError) -> [Int64] {
        let offsets = key.map { part in (eventDescription.columns.firstIndex { $0.name == part.column }, part.value) }
        return events.filter { event in
            offsets.allSatisfy { offset, value in offset.map { event.metadata[$0] == value } ?? false }
        }.map(\.position)
    }

    public func headPosition() throws(LedgerError) -> Int64 { Int64(events.count) }

    public func dictionaries() throws(LedgerError) -> [CompressionDictionary] { stored }

    public func dictionary(
        for soort: String, trainedBy train: () throws(LedgerError) -> [UInt8]?
    ) throws(LedgerError) -> CompressionDictionary? {
        if let latest = stored.last(where: { $0.soort == soort }) { return latest }
        guard let bytes = try train() else { return nil }
        let dictionary = CompressionDictionary(id: Int64(stored.count + 1), soort: soort, versie: 1, bytes: bytes)
        stored.append(dictionary)
        return dictionary
    }

    public func samples(soort: String, limit: Int) throws(LedgerError) -> [[UInt8]] {
        Array(events.filter { eventDescription.family(of: $0.metadata) == soort }.suffix(limit).map(\.payload))
    }

    public func verify(progress: (Int64) -> Void) throws(LedgerError) -> VerificationReport {
        var previous = Digest.genesis
        var problems: [VerificationReport.Problem] = []
        for event in events {
            let link = ChainLink.compute(
                previous: previous, position: event.position, contentHash: event.contentHash, kind: event.kind,
                recordedAt: event.recordedAt, source: event.source, metadata: event.metadata,
                eventDescription: eventDescription, rawSize: event.payload.count, conflictOf: event.conflictOf)
            if link != event.chainHash || Digest(of: event.payload) != event.contentHash {
                problems.append(.init(position: event.position, reason: "the chain breaks here"))
            }
            previous = event.chainHash
            progress(event.position)
        }
        return VerificationReport(eventCount: Int64(events.count), headHash: previous, problems: problems)
    }
}
