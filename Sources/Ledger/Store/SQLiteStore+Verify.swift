extension SQLiteStore {
    /// Recomputes the whole chain from the stored rows and reports every event that does not fit.
    ///
    /// Each link is checked against the stored link of its predecessor, so one tampered event
    /// is reported alone instead of making every later link fail. Runs in one read transaction:
    /// an ingest may go on meanwhile, and verify sees the log as it was when it started.
    public func verify(progress: (Int64) -> Void) throws(LedgerError) -> VerificationReport {
        try connection.readTransaction { () throws(LedgerError) -> VerificationReport in
            var problems: [VerificationReport.Problem] = []
            let present = try presentTriggers()
            for name in Schema.triggerNames(eventDescription) where !present.contains(name) {
                problems.append(.init(position: nil, reason: "the immutability trigger \(name) was removed"))
            }
            let rows = try connection.prepare("SELECT \(table.columnList) FROM events ORDER BY position")
            let related = try RelatedRows(connection: connection, eventDescription: eventDescription, from: 1)
            var expected: Int64 = 1
            var previous = Digest.genesis
            var lastGood = Digest.genesis
            while try rows.step() {
                let position = rows.int64(table.position)
                if position != expected {
                    let reason = position > expected
                        ? (position == expected + 1
                            ? "event \(expected) is missing" : "events \(expected) to \(position - 1) are missing")
                        : "position out of order"
                    problems.append(.init(position: expected, reason: reason))
                }
                expected = position + 1
                let storedLink = Digest(bytes: rows.bytes(table.chainHash)) ?? .genesis
                var metadata = try related.metadata(for: position)
                do throws(LedgerError) {
                    let event = try decodeRow(rows, metadata: &metadata)
                    if Digest(of: event.payload) != event.contentHash {
                        problems.append(.init(position: position, reason: "the stored message was changed"))
                    } else {
                        let link = ChainLink.compute(
                            previous: previous, position: position, contentHash: event.contentHash, kind: event.kind,
                            recordedAt: event.recordedAt, source: event.source, metadata: event.metadata,
                            eventDescription: eventDescription, rawSize: event.payload.count, conflictOf: event.conflictOf)
                        if link != storedLink {
                            problems.append(.init(
                                position: position,
                                reason: "the hash chain breaks: the event, its metadata or its order was changed"))
                        } else if problems.isEmpty {
                            lastGood = link
                        }
                    }
                } catch {
                    problems.append(.init(position: position, reason: error.code == .codec
                        ? "the stored message does not decompress" : "the event cannot be read (\(error.code))"))
                }
                previous = storedLink
                if position % 10_000 == 0 { progress(position) }
            }
            let recordedHead = try recordedHeadPosition()
            if recordedHead > expected - 1 {
                problems.append(.init(
                    position: expected,
                    reason: "the log ends at \(expected - 1) but recorded \(recordedHead) events: events were removed"))
            }
            return VerificationReport(eventCount: expected - 1, headHash: lastGood, problems: problems)
        }
    }

    private func presentTriggers() throws(LedgerError) -> Set<String> {
        let statement = try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        var names = Set<String>()
        while try statement.step() { names.insert(statement.string(0)) }
        return names
    }

    private func recordedHeadPosition() throws(LedgerError) -> Int64 {
        let statement = try connection.prepare("SELECT value FROM ledger_info WHERE key = 'head_position'")
        guard try statement.step() else { return 0 }
        return Int64(statement.string(0)) ?? 0
    }
}
