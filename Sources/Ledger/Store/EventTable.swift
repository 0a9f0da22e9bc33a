/// The SQL of the log's event rows, derived from an ``EventDescription``: one list of columns from
/// which the schema, the insert, the read and the column numbers all come, so they cannot drift.
///
/// A row of `events` is the ledger's own columns around the description's: `position, kind,
/// recorded_at, source`, then the metadata columns, then `conflict_of … chain_hash`, then the
/// columns added later (``EventDescription/firstAddedColumn``), where `ALTER TABLE` put them in a
/// ledger that was upgraded, so new and upgraded ledgers have one layout. Statements bind and read
/// them in that order; ``column(_:)`` is the number of a metadata column.
package struct EventTable: Sendable {
    package let eventDescription: EventDescription
    /// Added columns an old ledger opened for reading does not have: read as NULL.
    let absent: Set<String>
    private let firstAdded: Int

    package init(eventDescription: EventDescription, absent: Set<String> = []) {
        self.eventDescription = eventDescription
        self.absent = absent
        firstAdded = eventDescription.firstAddedColumn ?? eventDescription.columns.count
        conflictOf = metadata + Int32(firstAdded)
    }

    /// The number in a row of metadata column `index` of the description.
    package func column(_ index: Int) -> Int32 {
        index < firstAdded ? metadata + Int32(index) : chainHash + 1 + Int32(index - firstAdded)
    }

    /// The columns added later, in order.
    var addedColumns: ArraySlice<MetadataColumn> { eventDescription.columns[firstAdded...] }

    private static let leading = [
        ("position", "INTEGER PRIMARY KEY"), ("kind", "TEXT NOT NULL"), ("recorded_at", "TEXT NOT NULL"),
        ("source", "TEXT"),
    ]
    private static let trailing = [
        ("conflict_of", "INTEGER"), ("dictionary_id", "INTEGER REFERENCES dictionaries (id)"),
        ("raw_size", "INTEGER NOT NULL"), ("payload", "BLOB NOT NULL"), ("content_hash", "BLOB NOT NULL"),
        ("chain_hash", "BLOB NOT NULL"),
    ]

    // Column numbers of a row (0-based for reading; add 1 for binding).
    package let position: Int32 = 0
    package let kind: Int32 = 1
    package let recordedAt: Int32 = 2
    package let source: Int32 = 3
    package let metadata: Int32 = 4
    package let conflictOf: Int32
    package var dictionaryID: Int32 { conflictOf + 1 }
    package var rawSize: Int32 { conflictOf + 2 }
    package var payload: Int32 { conflictOf + 3 }
    package var contentHash: Int32 { conflictOf + 4 }
    package var chainHash: Int32 { conflictOf + 5 }

    /// Every column of a row, in order, with its SQLite type and constraints.
    package var columns: [(name: String, type: String)] {
        Self.leading + eventDescription.columns[..<firstAdded].map { ($0.name, $0.type.sql) } + Self.trailing
            + addedColumns.map { ($0.name, $0.type.sql) }
    }

    /// Every column of a row, in order, for SELECT; an absent one as NULL.
    package var columnList: String {
        columns.map { absent.contains($0.name) ? "NULL AS \($0.name)" : $0.name }.joined(separator: ", ")
    }

    var insert: String {
        "INSERT INTO events (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(Self.placeholders(columns.count)))"
    }

    /// The rows that have this identity, oldest first: `position, content_hash`.
    var selectIdentity: String {
        let identity = eventDescription.identity
        let conditions = identity.required.map { "\(eventDescription.columns[$0].name) = ?" }
            + identity.optional.map { "\(eventDescription.columns[$0].name) IS ?" }
        return "SELECT position, content_hash FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY position"
    }

    /// The first event of one delivery: `position`; nil when the description names no delivery column.
    var selectDelivery: String? {
        eventDescription.identity.delivery.map {
            "SELECT position FROM events WHERE \(eventDescription.columns[$0].name) = ?1 ORDER BY position LIMIT 1"
        }
    }

    /// The latest payloads of one compression family: `dictionary_id, raw_size, payload`.
    var selectFamily: String {
        let conditions = eventDescription.family.map { "\(eventDescription.columns[$0].name) = ?" }
        return "SELECT dictionary_id, raw_size, payload FROM events WHERE \(conditions.joined(separator: " AND ")) "
            + "ORDER BY position DESC LIMIT ?"
    }

    /// `CREATE TABLE` and `CREATE INDEX` of `events` and the index tables.
    var creation: String {
        var sql = "CREATE TABLE events (\n"
            + columns.map { "    \($0.name) \($0.type)" }.joined(separator: ",\n") + "\n) STRICT;\n"
        sql += eventIndexes
        for table in eventDescription.indexTables { sql += Self.creation(of: table, besideEvents: true) }
        return sql
    }

    /// `CREATE TABLE` and `CREATE INDEX` of index table `table`; its positions refer to `events`
    /// when the table is beside them (in a ledger; a read model holds a copy without the log).
    package static func creation(of table: IndexTable, besideEvents: Bool) -> String {
        let keys = table.columns.map(\.name).joined(separator: ", ")
        return "CREATE TABLE \(table.name) (\n    position INTEGER NOT NULL"
            + (besideEvents ? " REFERENCES events (position)" : "") + ",\n"
            + table.columns.map { "    \($0.name) \($0.type.sql) NOT NULL,\n" }.joined()
            + "    PRIMARY KEY (position, \(keys))\n) STRICT, WITHOUT ROWID;\n"
            + "CREATE INDEX \(table.lookupIndex) ON \(table.name) (\(keys));\n"
    }

    /// `CREATE INDEX IF NOT EXISTS` of every index on `events`: a new ledger's, and an upgrade's.
    var eventIndexes: String {
        eventDescription.eventIndexes.map { index in
            "CREATE INDEX IF NOT EXISTS \(index.name) ON events (\(index.columns.joined(separator: ", ")))"
                + (index.condition.map { " WHERE \($0)" } ?? "") + ";\n"
        }.joined()
    }

    /// The insert of one row of index table `table`.
    package static func insert(into table: IndexTable) -> String {
        "INSERT INTO \(table.name) (position, \(table.columns.map(\.name).joined(separator: ", "))) "
            + "VALUES (\(placeholders(table.columns.count + 1)))"
    }

    /// The rows of index table `table` from a position on, in the order of its primary key.
    static func scan(of table: IndexTable) -> String {
        let keys = table.columns.map(\.name).joined(separator: ", ")
        return "SELECT position, \(keys) FROM \(table.name) WHERE position >= ?1 ORDER BY position, \(keys)"
    }

    private static func placeholders(_ count: Int) -> String {
        (1...count).map { "?\($0)" }.joined(separator: ", ")
    }
}

extension SQLiteStatement {
    func bind(_ index: Int32, _ value: MetadataValue?) {
        switch value {
        case .text(let text): bind(index, text)
        case .integer(let number): bind(index, number)
        case .blob(let bytes): bind(index, bytes)
        case nil: bind(index, nil as Int64?)
        }
    }

    func value(_ column: Int32, _ type: MetadataColumn.ValueType) -> MetadataValue? {
        guard !isNull(column) else { return nil }
        return switch type {
        case .text: .text(string(column))
        case .integer: .integer(int(column))
        case .blob: .blob(bytes(column))
        }
    }
}
