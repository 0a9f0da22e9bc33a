/// What appending a batch does to a log, decided before anything is written: which events are
/// duplicates, which are conflicts of an earlier one, and the position and chain link of each
/// event that is written. Every store appends through it, so a log means the same whatever
/// holds it; the store only looks up what the log already holds and writes the result.
package struct AppendPlan {
    /// What happened to each event of the batch, in batch order.
    package var outcomes: [AppendOutcome] = []
    /// The events to write, in log order, as the log will hold them.
    package var written: [StoredEvent] = []
    /// Where each of `written` stands in the batch, which holds its prepared (compressed) form.
    package var writtenIndices: [Int] = []

    /// What the log holds already, as far as a batch needs to know.
    package struct Lookups {
        /// The first event of a delivery (see ``IdentityPolicy/delivery``), if the log holds one.
        package var delivery: (MetadataValue) throws(LedgerError) -> Int64?
        /// The events with an identity, oldest first: position and content hash.
        package var identity: ([MetadataValue?]) throws(LedgerError) -> [(position: Int64, contentHash: Digest)]

        package init(
            delivery: @escaping (MetadataValue) throws(LedgerError) -> Int64?,
            identity: @escaping ([MetadataValue?]) throws(LedgerError) -> [(position: Int64, contentHash: Digest)]
        ) {
            self.delivery = delivery
            self.identity = identity
        }
    }

    /// Plans `batch` after the log's last event (`head`, 0 and ``Digest/genesis`` for an empty
    /// log), every written event recorded at `recordedAt` unless it was recorded before (a copy).
    package init(
        _ batch: [PreparedEvent], after head: (position: Int64, chainHash: Digest), recordedAt: String,
        eventDescription: EventDescription, lookups: Lookups
    ) throws(LedgerError) {
        outcomes.reserveCapacity(batch.count)
        written.reserveCapacity(batch.count)
        var (position, previous) = head
        // Sized for the batch at once: growing from empty hashed every identity again at each doubling.
        var inBatch: [[MetadataValue?]: [(position: Int64, contentHash: Digest)]] = .init(minimumCapacity: batch.count)
        var deliveriesInBatch: [MetadataValue: Int64] = [:]
        let deliveryColumn = eventDescription.identity.delivery
        for (offset, event) in batch.enumerated() {
            guard eventDescription.kinds.contains(event.kind) else {
                throw LedgerError(.invalidEvent, "an event of kind '\(event.kind)', which this log's description does not name")
            }
            let delivery = deliveryColumn.flatMap { event.metadata[$0] }
            if let delivery {
                var earlier = deliveriesInBatch[delivery]
                if earlier == nil { earlier = try lookups.delivery(delivery) }
                if let earlier {
                    outcomes.append(.duplicate(of: earlier))
                    continue
                }
            }
            var conflictOf: Int64?
            if let identity = eventDescription.identity.identity(of: event.metadata) {
                // One look-up in the table for both reading and recording (its default subscript).
                let met = try Self.meet(
                    event, at: position + 1, known: &inBatch[identity, default: []],
                    lookingUp: { () throws(LedgerError) in try lookups.identity(identity) })
                switch met {
                case .duplicate(let earlier):
                    outcomes.append(.duplicate(of: earlier))
                    continue
                case .new(let earlier):
                    conflictOf = earlier
                }
            }
            position += 1
            let recordedAt = event.recordedAt ?? recordedAt
            let link = ChainLink.compute(
                previous: previous, position: position, contentHash: event.contentHash, kind: event.kind,
                recordedAt: recordedAt, source: event.source, metadata: event.metadata,
                eventDescription: eventDescription, rawSize: event.rawSize, conflictOf: conflictOf)
            written.append(StoredEvent(
                position: position, kind: event.kind, recordedAt: recordedAt, source: event.source,
                metadata: event.metadata, payload: event.payload, conflictOf: conflictOf,
                contentHash: event.contentHash, chainHash: link))
            writtenIndices.append(offset)
            previous = link
            if let delivery { deliveriesInBatch[delivery] = position }
            outcomes.append(conflictOf.map { .conflict(position: position, earlier: $0) } ?? .appended(position))
        }
    }

    /// What an event with an identity is, given `known`, the events with that identity the batch
    /// has met so far (empty when it has met none: then the log is asked, and `known` keeps its
    /// answer): a duplicate of the one with its content hash, else a new event, a conflict of the
    /// first. A new event at `position` joins `known`.
    private enum Met {
        case duplicate(of: Int64)
        case new(conflictOf: Int64?)
    }

    private static func meet(
        _ event: PreparedEvent, at position: Int64, known: inout [(position: Int64, contentHash: Digest)],
        lookingUp earlier: () throws(LedgerError) -> [(position: Int64, contentHash: Digest)]
    ) throws(LedgerError) -> Met {
        if known.isEmpty { known = try earlier() }
        if let same = known.first(where: { $0.contentHash == event.contentHash }) { return .duplicate(of: same.position) }
        let conflictOf = known.first?.position
        known.append((position, event.contentHash))
        return .new(conflictOf: conflictOf)
    }
}
