import Dispatch
import Synchronization

/// Compresses and hashes events for the writer, on any thread and on all cores.
///
/// It holds the newest dictionary of every kind of message. The ledger's writer installs a
/// dictionary when it trains one; any thread may prepare events meanwhile, with the dictionaries
/// installed at that moment. That lets an ingest compress the next batch while the writer commits
/// this one.
public final class EventCompressor: Sendable {
    private let dictionaries = Mutex<[String: CompressionDictionary]>([:])
    /// Names each event's compression family.
    private let eventDescription: EventDescription

    init(_ initial: [CompressionDictionary], eventDescription: EventDescription) {
        self.eventDescription = eventDescription
        for dictionary in initial { install(dictionary) }
    }

    /// The dictionary events of `soort` are compressed with now, if any.
    func dictionary(for soort: String) -> CompressionDictionary? {
        dictionaries.withLock { $0[soort] }
    }

    /// Forgets the dictionaries the log does not hold (`stored` is what it holds): a commit of
    /// several appends that rolled back took the dictionaries trained inside it with it.
    func reset(to stored: [CompressionDictionary]) {
        dictionaries.withLock { $0 = [:] }
        for dictionary in stored { install(dictionary) }
    }

    /// Makes `dictionary` the one for its kind, unless a newer version is installed already.
    func install(_ dictionary: CompressionDictionary) {
        dictionaries.withLock { current in
            if (current[dictionary.soort]?.versie ?? 0) < dictionary.versie { current[dictionary.soort] = dictionary }
        }
    }

    /// Compresses and hashes `events` on all cores, in order, each with its kind's dictionary.
    public func prepare(_ events: [NewEvent]) -> [PreparedEvent] {
        let snapshot = dictionaries.withLock { $0 }
        return prepare(events, with: events.map { event in eventDescription.family(of: event.metadata).flatMap { snapshot[$0] } })
    }

    /// Prepares, on all cores, the events whose compression is settled: their kind has a
    /// dictionary, or no family, so never gets one. An event of a kind still waiting for its
    /// first dictionary is left out (nil) for the writer, which trains that dictionary from the
    /// batch and compresses the event once. (A folder in name order brings a new kind every few
    /// batches: compressed here without a dictionary, its first events were compressed again.)
    public func prepareSettled(_ events: [NewEvent]) -> [PreparedEvent?] {
        let snapshot = dictionaries.withLock { $0 }
        var settled: [Int] = []
        var chosen: [CompressionDictionary?] = []
        settled.reserveCapacity(events.count)
        chosen.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            let soort = eventDescription.family(of: event.metadata)
            if let soort, snapshot[soort] == nil { continue }
            settled.append(index)
            chosen.append(soort.flatMap { snapshot[$0] })
        }
        var result = [PreparedEvent?](repeating: nil, count: events.count)
        for (index, event) in zip(settled, prepare(settled.map { events[$0] }, with: chosen)) { result[index] = event }
        return result
    }

    /// Compresses and hashes `events`, each with the dictionary `chosen` holds at its index.
    private func prepare(_ events: [NewEvent], with chosen: [CompressionDictionary?]) -> [PreparedEvent] {
        // Events of one dictionary are compressed one after another: a thread's encoder state is
        // copied in full only when its dictionary changes (see CompressionScratch).
        let order = events.indices.sorted { (chosen[$0]?.id ?? 0) < (chosen[$1]?.id ?? 0) }
        let prepared = UnsafeMutableBufferPointer<PreparedEvent>.allocate(capacity: events.count)
        defer { prepared.deallocate() }
        let chunk = 64
        // Each iteration initializes its own slots only, so the unsynchronized writes never overlap.
        nonisolated(unsafe) let output = prepared
        DispatchQueue.concurrentPerformBelowCaller(iterations: (events.count + chunk - 1) / chunk) { index in
            let scratch = CompressionScratch()
            for offset in order[(index * chunk)..<min(events.count, (index + 1) * chunk)] {
                (output.baseAddress! + offset).initialize(
                    to: Self.prepare(events[offset], dictionary: chosen[offset], scratch: scratch))
            }
        }
        let result = Array(prepared)
        _ = prepared.deinitialize()
        return result
    }

    static func prepare(_ event: NewEvent, dictionary: CompressionDictionary?, scratch: CompressionScratch) -> PreparedEvent {
        event.payload.withUnsafeBytes { raw in
            PreparedEvent(
                kind: event.kind, metadata: event.metadata, source: event.source, recordedAt: event.recordedAt,
                payload: event.payload,
                compressed: PayloadCodec.compress(raw, dictionary: dictionary, scratch: scratch), rawSize: raw.count,
                dictionaryID: dictionary?.id, contentHash: Digest(of: raw))
        }
    }
}
