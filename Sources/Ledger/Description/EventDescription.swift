/// What a domain records of each event beside its bytes, described once.
///
/// The ledger derives everything about metadata from it: the columns of `events` and their index
/// tables, their insert and read, the canonical bytes of the hash chain and so `verify`, the
/// identity lookup of `append`, and which events share a compression dictionary. The ledger
/// itself knows nothing of the domain; the iWmo/iJw layer (`Kenmerken`) supplies its description.
public struct EventDescription: Sendable, Hashable {
    /// The kinds of event the log holds. Their order is part of an SQLite ledger's file format
    /// (a kind is kept as its place in this list): a kind added later goes at the end.
    public var kinds: [EventKind]
    /// One value per event each, stored in `events` in this order.
    public var columns: [MetadataColumn]
    /// Keys an event concerns several of, each in a table of its own.
    public var indexTables: [IndexTable]
    public var identity: IdentityPolicy
    /// Indexes on `events` for lookups by metadata; the identity lookup needs one.
    public var eventIndexes: [EventIndex]
    /// Columns whose values, joined by `/`, name an event's compression family (events that look
    /// alike share a dictionary); an event without all of them is compressed without one.
    public var family: [Int]
    /// The first of the columns added after ledgers already held events (format 3), or nil. The
    /// chain covers the added columns of an event that sets one of them after everything else, so
    /// the links of the events written before them stay as they were.
    public var firstAddedColumn: Int?

    public init(
        kinds: [EventKind], columns: [MetadataColumn], indexTables: [IndexTable], identity: IdentityPolicy,
        eventIndexes: [EventIndex], family: [Int], firstAddedColumn: Int? = nil
    ) {
        self.kinds = kinds
        self.columns = columns
        self.indexTables = indexTables
        self.identity = identity
        self.eventIndexes = eventIndexes
        self.family = family
        self.firstAddedColumn = firstAddedColumn
    }

    /// The kind named `name`, or nil when the description names no such kind (a row changed
    /// behind the ledger's back).
    package func kind(named name: String) -> EventKind? {
        let kind = EventKind(rawValue: name)
        return kinds.contains(kind) ? kind : nil
    }

    /// The tables whose rows belong to one event, by their `position` column: `events` and the
    /// index tables.
    public var logTables: [String] { ["events"] + indexTables.map(\.name) }

    /// The compression family of `metadata`, e.g. `iJw/301`, or nil.
    package func family(of metadata: EventMetadata) -> String? {
        guard !family.isEmpty else { return nil }
        var parts: [String] = []
        for column in family {
            guard let value = metadata[column] else { return nil }
            parts.append(value.canonical)
        }
        return parts.joined(separator: "/")
    }

    /// The values of the family columns named by `soort`, or nil when it names no family.
    package func familyValues(_ soort: String) -> [MetadataValue]? {
        let parts = soort.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == family.count, !family.isEmpty else { return nil }
        var values: [MetadataValue] = []
        for (column, part) in zip(family, parts) {
            switch columns[column].type {
            case .text: values.append(.text(part))
            case .integer:
                guard let number = Int(part) else { return nil }
                values.append(.integer(number))
            case .blob: return nil
            }
        }
        return values
    }
}

/// An index on `events` over metadata columns, optionally partial (`condition` is its WHERE).
public struct EventIndex: Sendable, Hashable {
    public var name: String
    public var columns: [String]
    public var condition: String?

    public init(name: String, columns: [String], condition: String? = nil) {
        self.name = name
        self.columns = columns
        self.condition = condition
    }
}
