/// What kind of fact an event records. The domain names the kinds (``EventDescription/kinds``);
/// the ledger keeps an event's kind beside it, covers it by the chain, and refuses a kind the
/// log's description does not name.
public struct EventKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }
}

/// An event as handed to the ledger: the exact bytes plus what was extracted from them.
public struct NewEvent: Sendable {
    public var kind: EventKind
    public var payload: [UInt8]
    public var metadata: EventMetadata
    /// The file the bytes came from, or nil for standard input and generated events.
    public var source: String?
    /// When a ledger first recorded the event, for an event copied from another ledger with its
    /// chain (`kopieer`); nil for a new event, which the append records now.
    public var recordedAt: String?

    public init(kind: EventKind, payload: [UInt8], metadata: EventMetadata, source: String?, recordedAt: String? = nil) {
        self.kind = kind
        self.payload = payload
        self.metadata = metadata
        self.source = source
        self.recordedAt = recordedAt
    }
}

/// An event ready for the writer: compressed and content-hashed, off the writer's thread.
///
/// A class, not a struct: the compressing threads, the ledger, the store and its append plan each
/// hand it on, and as a struct every hand-over copied its arrays and strings, a retain and a
/// release apiece (1.7 % of the CPU samples of an ingest of 99,835 messages).
public final class PreparedEvent: Sendable {
    public let kind: EventKind
    public let metadata: EventMetadata
    public let source: String?
    /// When a ledger first recorded it, for a copied event; nil for a new one.
    public let recordedAt: String?
    /// The exact bytes, shared with the ``NewEvent`` (no copy), so that what a batch appended can
    /// be handed on as it is, without reading it back.
    public let payload: [UInt8]
    public let compressed: [UInt8]
    public let rawSize: Int
    public let dictionaryID: Int64?
    public let contentHash: Digest

    init(
        kind: EventKind, metadata: EventMetadata, source: String?, recordedAt: String?, payload: [UInt8],
        compressed: [UInt8], rawSize: Int, dictionaryID: Int64?, contentHash: Digest
    ) {
        self.kind = kind
        self.metadata = metadata
        self.source = source
        self.recordedAt = recordedAt
        self.payload = payload
        self.compressed = compressed
        self.rawSize = rawSize
        self.dictionaryID = dictionaryID
        self.contentHash = contentHash
    }
}

/// An event read back from the log, with its payload decompressed.
public struct StoredEvent: Sendable {
    /// The global, gap-free position in the log, starting at 1.
    public var position: Int64
    public var kind: EventKind
    /// When the ledger recorded it (UTC, ISO 8601), which is not when it was sent.
    public var recordedAt: String
    public var source: String?
    public var metadata: EventMetadata
    /// The exact bytes that were appended.
    public var payload: [UInt8]
    /// For a message with the identity of an earlier, different message: that message's position.
    public var conflictOf: Int64?
    /// The SHA-256 of the payload, which the chain link covers.
    public var contentHash: Digest { knownContentHash ?? Digest(of: payload) }
    /// The content hash as the log keeps it beside the payload, or as the append computed it; nil
    /// when it is computed from the payload on asking (an SQLite ledger from format 6 on keeps
    /// none), so a reader that never asks, like a replay, never hashes.
    public var knownContentHash: Digest?
    public var chainHash: Digest

    public init(
        position: Int64, kind: EventKind, recordedAt: String, source: String?, metadata: EventMetadata,
        payload: [UInt8], conflictOf: Int64?, contentHash: Digest?, chainHash: Digest
    ) {
        self.position = position
        self.kind = kind
        self.recordedAt = recordedAt
        self.source = source
        self.metadata = metadata
        self.payload = payload
        self.conflictOf = conflictOf
        knownContentHash = contentHash
        self.chainHash = chainHash
    }
}

/// What appending one event did.
public enum AppendOutcome: Sendable, Equatable {
    /// Appended at this position.
    case appended(Int64)
    /// The same bytes are already in the log at this position; nothing was written.
    case duplicate(of: Int64)
    /// Appended at `position`, but an earlier, different message at `earlier` has the same identity.
    case conflict(position: Int64, earlier: Int64)

    /// The position the event now has in the log, written by this append or earlier.
    public var position: Int64 {
        switch self {
        case .appended(let position), .duplicate(of: let position), .conflict(let position, _): position
        }
    }
}

/// An event as a store read it, before its payload is decompressed and its columns are read as
/// text: ``decoded()`` does that work, on whichever thread calls it. A replay reads the log on
/// its writer's thread and decodes on the others (``EventStore/forEachEncodedEvent(from:_:)``).
public struct EncodedEvent: Sendable {
    public let position: Int64
    private let decode: @Sendable () throws(LedgerError) -> StoredEvent

    /// An event that `decode` makes, on any thread.
    public init(position: Int64, decode: @escaping @Sendable () throws(LedgerError) -> StoredEvent) {
        self.position = position
        self.decode = decode
    }

    /// An event read decoded already, by a store that does not split the work.
    public init(_ event: StoredEvent) {
        self.init(position: event.position) { () throws(LedgerError) -> StoredEvent in event }
    }

    public func decoded() throws(LedgerError) -> StoredEvent { try decode() }
}
