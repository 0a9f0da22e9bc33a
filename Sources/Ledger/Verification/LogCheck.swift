/// Checks a log event by event, in position order: that no position is missing, that every
/// stored message still has its content hash, that the hash chain holds, and that the Merkle tree
/// rebuilt from the messages equals the stored one. Every store's `verify` feeds it the rows it
/// reads, so a report means the same whatever holds the log.
///
/// Each link is checked against the stored link of its predecessor, so one tampered event is
/// reported alone instead of making every later link fail.
package struct LogCheck {
    private let eventDescription: EventDescription
    private var problems: [VerificationReport.Problem]
    private var expected: Int64 = 1
    private var previous = Digest.genesis
    private var lastGood = Digest.genesis
    private var tree: TreeCheck?

    /// `missingTriggers` names the append-only guards the store found removed; `storedNode` reads
    /// the stored tree (nil for a log that has none yet), which holds the levels from `floor` up.
    package init(
        eventDescription: EventDescription, missingTriggers: [String],
        storedNode: ((_ level: Int, _ index: Int64) throws(LedgerError) -> Digest?)?, floor: Int = 0
    ) {
        self.eventDescription = eventDescription
        problems = missingTriggers.map { .init(position: nil, reason: "the immutability trigger \($0) was removed") }
        tree = storedNode.map { TreeCheck(storedNode: $0, floor: floor) }
    }

    /// Checks the event stored at `position` with chain link `storedLink`; `read` decodes it.
    package mutating func check(
        position: Int64, storedLink: Digest, read: () throws(LedgerError) -> StoredEvent
    ) throws(LedgerError) {
        if position != expected {
            let reason = position > expected
                ? (position == expected + 1 ? "event \(expected) is missing" : "events \(expected) to \(position - 1) are missing")
                : "position out of order"
            problems.append(.init(position: expected, reason: reason))
        }
        expected = position + 1
        defer { previous = storedLink }
        let event: StoredEvent
        do throws(LedgerError) {
            event = try read()
        } catch {
            tree = nil
            problems.append(.init(position: position, reason: error.code == .codec
                ? "the stored message does not decompress" : "the event cannot be read (\(error.code))"))
            return
        }
        // A log that keeps the content hash tells a changed message apart; without it the chain
        // link, which covers the hash, breaks.
        let contentHash = Digest(of: event.payload)
        if let kept = event.knownContentHash, kept != contentHash {
            problems.append(.init(position: position, reason: "the stored message was changed"))
            tree = nil
            return
        }
        if let problem = try tree?.add(contentHash, at: position) {
            problems.append(.init(position: position, reason: problem))
            tree = nil
        }
        let link = ChainLink.compute(
            previous: previous, position: position, contentHash: contentHash, kind: event.kind,
            recordedAt: event.recordedAt, source: event.source, metadata: event.metadata,
            eventDescription: eventDescription, rawSize: event.payload.count, conflictOf: event.conflictOf)
        if link != storedLink {
            problems.append(.init(
                position: position, reason: "the hash chain breaks: the event, its metadata or its order was changed"))
        } else if problems.isEmpty {
            lastGood = link
        }
    }

    /// The report after the last event. `storedNodes` is the number of nodes the stored tree
    /// holds (nil without a tree); `recordedHead` the head the log recorded when it last appended;
    /// `strayIndexRows` the rows of index tables after the last event, which belong to no event
    /// (for a store whose database does not refuse them itself).
    package func finish(storedNodes: Int64?, recordedHead: Int64, strayIndexRows: Int64 = 0) -> VerificationReport {
        var problems = problems
        let size = expected - 1
        if let tree, let storedNodes {
            // A tree of n leaves has n >> level complete subtrees at each level.
            let nodes = (tree.floor..<64).reduce(Int64(0)) { $0 + size >> $1 }
            if storedNodes != nodes {
                problems.append(.init(position: nil, reason: "the Merkle tree holds \(storedNodes) nodes, not \(nodes)"))
            }
        }
        if strayIndexRows > 0 {
            problems.append(.init(position: nil, reason: "\(strayIndexRows) index row(s) belong to no event of the log"))
        }
        if recordedHead > size {
            problems.append(.init(
                position: expected, reason: "the log ends at \(size) but recorded \(recordedHead) events: events were removed"))
        }
        return VerificationReport(eventCount: size, headHash: lastGood, problems: problems)
    }

    /// Rebuilds the tree leaf by leaf from the messages as they are and compares every node it
    /// completes with the stored one: a stored node that was changed, or a leaf that does not
    /// belong to its message, is found at the first position it concerns.
    private struct TreeCheck {
        let storedNode: (_ level: Int, _ index: Int64) throws(LedgerError) -> Digest?
        /// The lowest level stored; the nodes below it are the store's to compute, not to keep.
        let floor: Int
        /// The roots of the complete subtrees still waiting for a right sibling, by level.
        var open: [Int: Digest] = [:]

        mutating func add(_ contentHash: Digest, at position: Int64) throws(LedgerError) -> String? {
            let open = self.open
            let nodes = MerkleNode.completed(
                byLeaf: MerkleHash.leaf(ofEventWithContentHash: contentHash), at: position - 1
            ) { level, _ in open[level] ?? .genesis }
            for node in nodes {
                if node.level >= floor, try storedNode(node.level, node.index) != node.hash {
                    return "the Merkle tree does not match the log (node \(node.index) at level \(node.level))"
                }
                self.open[node.level] = node.index & 1 == 0 ? node.hash : nil
            }
            return nil
        }
    }
}
