/// What kind of fact an event records. Exchanged messages are most of the log; rule and
/// contract changes are recorded too, so any past evaluation can be reproduced.
public enum EventKind: String, Sendable, Hashable, CaseIterable {
    case bericht
    case contract
    case regelset
}

/// The natural identity of a message (report §4.2): BerichtCode, Afzender and Identificatie,
/// plus the retour's own IdentificatieRetour for a retour.
public struct BerichtIdentiteit: Hashable, Sendable {
    public var berichtCode: Int
    public var afzender: String
    public var identificatie: String
    public var identificatieRetour: String?

    public init(berichtCode: Int, afzender: String, identificatie: String, identificatieRetour: String? = nil) {
        self.berichtCode = berichtCode
        self.afzender = afzender
        self.identificatie = identificatie
        self.identificatieRetour = identificatieRetour
    }
}

/// A toewijzing as the standard names it: its number is unique per gemeente.
public struct ToewijzingSleutel: Hashable, Sendable, Comparable {
    public var gemeente: String
    public var nummer: Int

    public init(gemeente: String, nummer: Int) {
        self.gemeente = gemeente
        self.nummer = nummer
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.gemeente, lhs.nummer) < (rhs.gemeente, rhs.nummer)
    }
}

/// The facts extracted from a message at append time, stored in indexed columns.
///
/// All of it can be derived again from the stored bytes; it is kept so that lookups by
/// identity, BSN or toewijzing need no decompression.
public struct EventMetadata: Sendable, Equatable {
    public var standaard: String?
    public var release: String?
    public var berichtCode: Int?
    public var berichttype: String?
    public var afzender: String?
    public var ontvanger: String?
    public var identificatie: String?
    public var dagtekening: String?
    public var identificatieRetour: String?
    /// For a retour or a 325: the heenbericht it answers.
    public var heenbericht: BerichtIdentiteit?
    /// Every BSN the message concerns, sorted and without repeats.
    public var bsns: [String]
    /// Every toewijzing the message concerns, sorted and without repeats.
    public var toewijzingen: [ToewijzingSleutel]

    public init(
        standaard: String? = nil, release: String? = nil, berichtCode: Int? = nil, berichttype: String? = nil,
        afzender: String? = nil, ontvanger: String? = nil, identificatie: String? = nil,
        dagtekening: String? = nil, identificatieRetour: String? = nil, heenbericht: BerichtIdentiteit? = nil,
        bsns: [String] = [], toewijzingen: [ToewijzingSleutel] = []
    ) {
        self.standaard = standaard
        self.release = release
        self.berichtCode = berichtCode
        self.berichttype = berichttype
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.identificatieRetour = identificatieRetour
        self.heenbericht = heenbericht
        self.bsns = Array(Set(bsns)).sorted()
        self.toewijzingen = Array(Set(toewijzingen)).sorted()
    }

    /// The message's natural identity, when it has one.
    public var identiteit: BerichtIdentiteit? {
        guard let berichtCode, let afzender, let identificatie else { return nil }
        return BerichtIdentiteit(
            berichtCode: berichtCode, afzender: afzender, identificatie: identificatie,
            identificatieRetour: identificatieRetour)
    }

    /// The compression dictionary family, e.g. `iJw/301`: messages of one standard and type look alike.
    var soort: String? {
        guard let standaard, let berichttype else { return nil }
        return "\(standaard)/\(berichttype)"
    }
}

/// An event as handed to the ledger: the exact bytes plus what was extracted from them.
public struct NewEvent: Sendable {
    public var kind: EventKind
    public var payload: [UInt8]
    public var metadata: EventMetadata
    /// The file the bytes came from, or nil for standard input and generated events.
    public var source: String?

    public init(kind: EventKind, payload: [UInt8], metadata: EventMetadata, source: String?) {
        self.kind = kind
        self.payload = payload
        self.metadata = metadata
        self.source = source
    }
}

/// An event ready for the writer: compressed and content-hashed, off the writer's thread.
public struct PreparedEvent: Sendable {
    public var kind: EventKind
    public var metadata: EventMetadata
    public var source: String?
    public var compressed: [UInt8]
    public var rawSize: Int
    public var dictionaryID: Int64?
    public var contentHash: Digest
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
    public var contentHash: Digest
    public var chainHash: Digest
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
