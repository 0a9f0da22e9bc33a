extension SQLiteStore {
    /// Recomputes the whole chain from the stored rows and reports every event that does not fit;
    /// recomputes the Merkle tree from the stored messages too, and reports where it differs.
    ///
    /// Each link is checked against the stored link of its predecessor, so one tampered event
    /// is reported alone instead of making every later link fail. Runs in one read transaction:
    /// an ingest may go on meanwhile, and verify sees the log as it was when it started.
    public func verify(progress: (Int64) -> Void) throws(LedgerError) -> VerificationReport {
        try connection.readTransaction { () throws(LedgerError) -> VerificationReport in
            var problems: [VerificationReport.Problem] = []
            let present = try presentTriggers()
            let tables = Schema.immutableTables(eventDescription)
                .filter { formatVersion >= 2 || !Schema.auditTableNames.contains($0) }
            for name in Schema.triggerNames(tables) where !present.contains(name) {
                problems.append(.init(position: nil, reason: "the immutability trigger \(name) was removed"))
            }
            let rows = try connection.prepare("SELECT \(table.columnList) FROM events ORDER BY position")
            let related = try RelatedRows(connection: connection, eventDescription: eventDescription, from: 1)
            var expected: Int64 = 1
            var previous = Digest.genesis
            var lastGood = Digest.genesis
            var tree = formatVersion >= 2 ? MerkleCheck(log: try merkleLog()) : nil
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
                        tree = nil
                    } else {
                        if let problem = try tree?.add(event.contentHash, at: position) {
                            problems.append(.init(position: position, reason: problem))
                            tree = nil
                        }
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
                    tree = nil
                    problems.append(.init(position: position, reason: error.code == .codec
                        ? "the stored message does not decompress" : "the event cannot be read (\(error.code))"))
                }
                previous = storedLink
                if position % 10_000 == 0 { progress(position) }
            }
            if let problem = try tree?.finish(size: expected - 1) {
                problems.append(.init(position: nil, reason: problem))
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

    /// Rebuilds the tree leaf by leaf from the messages as they are and compares every node it
    /// completes with the stored one: a stored node that was changed, or a leaf that does not
    /// belong to its message, is found at the first position it concerns.
    private struct MerkleCheck {
        let log: MerkleLog
        /// The roots of the complete subtrees still waiting for a right sibling, by level.
        var open: [Int: Digest] = [:]

        mutating func add(_ contentHash: Digest, at position: Int64) throws(LedgerError) -> String? {
            let open = self.open
            let nodes = MerkleNode.completed(
                byLeaf: MerkleHash.leaf(ofEventWithContentHash: contentHash), at: position - 1
            ) { level, _ in open[level] ?? .genesis }
            for node in nodes {
                guard try log.node(level: node.level, index: node.index) == node.hash else {
                    return "the Merkle tree does not match the log (node \(node.index) at level \(node.level))"
                }
                if node.index & 1 == 0 { self.open[node.level] = node.hash } else { self.open[node.level] = nil }
            }
            return nil
        }

        /// After the last event: the tree must hold no node beyond the log.
        func finish(size: Int64) throws(LedgerError) -> String? {
            let statement = try log.connection.prepare("SELECT count(*) FROM merkle_nodes")
            _ = try statement.step()
            // A tree of n leaves has one node per complete subtree: 2n minus the number of 1-bits of n.
            let expected = 2 * size - Int64(size.nonzeroBitCount)
            return statement.int64(0) == expected ? nil : "the Merkle tree holds \(statement.int64(0)) nodes, not \(expected)"
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
