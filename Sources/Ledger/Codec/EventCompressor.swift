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

    /// True until the first dictionary is installed: events prepared now would be compressed
    /// again as soon as their kind gets one, which a new ledger's first batches all do.
    public var isUntrained: Bool {
        dictionaries.withLock { $0.isEmpty }
    }

    /// Makes `dictionary` the one for its kind, unless a newer version is installed already.
    func install(_ dictionary: CompressionDictionary) {
        dictionaries.withLock { current in
            if (current[dictionary.soort]?.versie ?? 0) < dictionary.versie { current[dictionary.soort] = dictionary }
        }
    }

    /// Compresses and hashes `events` on all cores, in order.
    public func prepare(_ events: [NewEvent]) -> [PreparedEvent] {
        let snapshot = dictionaries.withLock { $0 }
        let chosen = events.map { event in eventDescription.family(of: event.metadata).flatMap { snapshot[$0] } }
        // Events of one dictionary are compressed one after another: a thread's encoder state is
        // copied in full only when its dictionary changes (see CompressionScratch).
        let order = events.indices.sorted { (chosen[$0]?.id ?? 0) < (chosen[$1]?.id ?? 0) }
        let prepared = UnsafeMutableBufferPointer<PreparedEvent>.allocate(capacity: events.count)
        defer { prepared.deallocate() }
        let chunk = 64
        // Each iteration initializes its own slots only, so the unsynchronized writes never overlap.
        nonisolated(unsafe) let output = prepared
        DispatchQueue.concurrentPerform(iterations: (events.count + chunk - 1) / chunk) { index in
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
