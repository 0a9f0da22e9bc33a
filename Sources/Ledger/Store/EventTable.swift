/// The SQL of the log's event rows, derived from an ``EventDescription``: one list of columns from
/// which the schema, the insert, the read and the column numbers all come, so they cannot drift.
///
/// A row of `events` is the ledger's own columns around the description's: `position, kind,
/// recorded_at, source`, then the metadata columns, then `conflict_of … chain_hash`, then the
/// columns added later (``EventDescription/firstAddedColumn``), where `ALTER TABLE` put them in a
/// ledger that was upgraded, so new and upgraded ledgers have one layout. Statements bind and read
/// them in that order; ``column(_:)`` is the number of a metadata column. What a row keeps depends
/// on the file's ``Layout``; ``stored(_:of:)`` and ``value(_:of:)`` convert, so every statement binds
/// and reads the values the chain covers.
package struct EventTable: Sendable {
    package let eventDescription: EventDescription
    /// Added columns an old ledger opened for reading does not have: read as NULL.
    let absent: Set<String>
    package let layout: Layout
    private let firstAdded: Int
    /// For each of the description's columns, the form this file keeps its values in (nil: as
    /// given), decided once: a row read converts every column back, and deciding it per value
    /// copied each column's name and code list every time (about 200 instructions a value).
    private let keptForms: [StoredForm?]
    /// The same for the key columns of each index table.
    private let keptKeyForms: [[StoredForm?]]

    /// What the rows of one file keep, which its format decides.
    package struct Layout: Sendable {
        /// The file format (SQLite ledgers); 0 for the logical row, every value as given and the
        /// content hash kept, as PostgreSQL holds it.
        let format: Int

        /// Values of columns with a ``StoredForm`` in that form, from the format that brought the form.
        func keeps(_ form: StoredForm) -> Bool { format >= form.since }

        /// The form the file keeps the values of key column `column` of an index table in (SQLite
        /// ledgers from format 8 on); nil: as given.
        func keptForm(ofKey column: MetadataColumn) -> StoredForm? {
            format >= Schema.keyFormsSince && keeps(column.form) ? column.form : nil
        }

        /// The content hash beside the payload (PostgreSQL, and SQLite ledgers before format 6).
        /// Without it `content_hash` is NULL and the hash is computed from the payload when
        /// asked: the chain link covers it all the same, and 32 bytes an event are saved.
        package var contentHash: Bool { format < Schema.contentHashDerivedSince }

        /// The sources in a table of their own, `event_sources` (SQLite ledgers from format 7 on),
        /// where readers of the file find them without reading the payloads around them; the
        /// column `source` of `events` stays NULL.
        var sourcesApart: Bool { format >= Schema.sourcesApartSince }

        /// Every value as given, the content hash kept: the logical row, as PostgreSQL holds it.
        package static let logical = Layout(format: 0)

        /// The rows of an SQLite ledger of format `format`.
        static func sqlite(format: Int) -> Layout { Layout(format: format) }
    }

    package init(eventDescription: EventDescription, layout: Layout, absent: Set<String> = []) {
        self.eventDescription = eventDescription
        self.layout = layout
        self.absent = absent
        kindColumn = .text("kind", form: .choice(eventDescription.kinds.map(\.rawValue)))
        firstAdded = eventDescription.firstAddedColumn ?? eventDescription.columns.count
        conflictOf = metadata + Int32(firstAdded)
        keptForms = eventDescription.columns.map { Self.keptForm(of: $0, in: layout) }
        keptKeyForms = eventDescription.indexTables.map { $0.columns.map(layout.keptForm(ofKey:)) }
    }

    /// The ledger's own columns that have a stored form: the kind as its place among the
    /// description's kinds, the recording time as a moment.
    let kindColumn: MetadataColumn
    static let recordedAtColumn = MetadataColumn.text("recorded_at", form: .moment)

    /// The stored form in which a file of `layout` keeps `column`'s values; nil: as they are.
    private static func keptForm(of column: MetadataColumn, in layout: Layout) -> StoredForm? {
        layout.keeps(column.form) ? column.form : nil
    }

    /// `value` of `column` as this file keeps it.
    func stored(_ value: MetadataValue?, of column: MetadataColumn) -> MetadataValue? {
        Self.keptForm(of: column, in: layout).map { $0.stored(value) } ?? value
    }

    /// `value` of the description's column `index` as this file keeps it.
    func stored(_ value: MetadataValue?, ofColumn index: Int) -> MetadataValue? {
        keptForms[index].map { $0.stored(value) } ?? value
    }

    /// The values of the description's columns, from `stored`, a row's values of them in order.
    func values(_ stored: [MetadataValue?]) -> [MetadataValue?] {
        var values: [MetadataValue?] = []
        values.reserveCapacity(stored.count)
        for (value, form) in zip(stored, keptForms) { values.append(form.map { $0.value(value) } ?? value) }
        return values
    }

    /// The value of `column` this file keeps as `stored`.
    func value(_ stored: MetadataValue?, of column: MetadataColumn) -> MetadataValue? {
        Self.keptForm(of: column, in: layout).map { $0.value(stored) } ?? stored
    }

    /// Whether this file keeps some key of index table `table` in a stored form.
    func keepsKeyForms(ofIndexTable table: Int) -> Bool { keptKeyForms[table].contains { $0 != nil } }

    /// `value` of key column `column` of index table `table` as this file keeps it.
    func stored(_ value: MetadataValue, ofKey column: Int, inIndexTable table: Int) -> MetadataValue {
        keptKeyForms[table][column].flatMap { $0.stored(value) } ?? value
    }

    /// The value of key column `column` of index table `table` this file keeps as `stored`.
    func value(_ stored: MetadataValue, ofKey column: Int, inIndexTable table: Int) -> MetadataValue {
        keptKeyForms[table][column].flatMap { $0.value(stored) } ?? stored
    }

    /// Binds an identity (the values of the identity policy's columns, `required + optional`) to
    /// the parameters of ``selectIdentity``.
    func bindIdentity(_ identity: [MetadataValue?], to statement: SQLiteStatement) {
        let policy = eventDescription.identity
        for (index, (column, value)) in zip(policy.required + policy.optional, identity).enumerated() {
            statement.bind(Int32(index + 1), stored(value, ofColumn: column))
        }
    }

    /// The number in a row of metadata column `index` of the description.
    package func column(_ index: Int) -> Int32 {
        index < firstAdded ? metadata + Int32(index) : chainHash + 1 + Int32(index - firstAdded)
    }

    /// The columns added later, in order.
    var addedColumns: ArraySlice<MetadataColumn> { eventDescription.columns[firstAdded...] }

    private var leading: [(name: String, type: String)] {
        [
            ("position", "INTEGER PRIMARY KEY"),
            ("kind", kindColumn.sqlType(in: layout) + " NOT NULL"),
            ("recorded_at", Self.recordedAtColumn.sqlType(in: layout) + " NOT NULL"), ("source", "TEXT"),
        ]
    }
    private var trailing: [(name: String, type: String)] {
        [
            ("conflict_of", "INTEGER"), ("dictionary_id", "INTEGER REFERENCES dictionaries (id)"),
            ("raw_size", "INTEGER NOT NULL"), ("payload", "BLOB NOT NULL"),
            ("content_hash", layout.contentHash ? "BLOB NOT NULL" : "BLOB"), ("chain_hash", "BLOB NOT NULL"),
        ]
    }

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
        leading + eventDescription.columns[..<firstAdded].map { ($0.name, $0.sqlType(in: layout)) }
            + trailing + addedColumns.map { ($0.name, $0.sqlType(in: layout)) }
    }

    /// Every column of a row, in order, for SELECT from ``rows``; an absent one as NULL.
    package var columnList: String {
        columns.map { column in
            if absent.contains(column.name) { return "NULL AS \(column.name)" }
            return layout.sourcesApart && column.name == "source" ? "event_sources.source AS source" : column.name
        }.joined(separator: ", ")
    }

    /// What ``columnList`` reads from: `events`, joined to the sources kept apart.
    var rows: String { layout.sourcesApart ? "events LEFT JOIN event_sources USING (position)" : "events" }

    /// The insert of an event's source, kept apart (``Layout/sourcesApart``).
    package static let insertSource = "INSERT INTO event_sources (position, source) VALUES (?1, ?2)"

    var insert: String {
        "INSERT INTO events (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(Self.placeholders(columns.count)))"
    }

    /// The columns from which ``SQLiteStore`` takes an event's content hash (see `contentHash(in:)`), in that order.
    static let contentHashColumns = "position, content_hash, dictionary_id, raw_size, payload"

    /// The rows that have this identity, oldest first: ``contentHashColumns``.
    var selectIdentity: String {
        let identity = eventDescription.identity
        let conditions = identity.required.map { "\(eventDescription.columns[$0].name) = ?" }
            + identity.optional.map { "\(eventDescription.columns[$0].name) IS ?" }
        return "SELECT \(Self.contentHashColumns) FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY position"
    }

    /// The events from position ?1 through ?2: ``contentHashColumns``.
    static let selectContentHashes =
        "SELECT \(contentHashColumns) FROM events WHERE position BETWEEN ?1 AND ?2 ORDER BY position"

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

    /// `CREATE TABLE` and `CREATE INDEX` of `events`, the index tables and the sources.
    var creation: String {
        var sql = "CREATE TABLE events (\n"
            + columns.map { "    \($0.name) \($0.type)" }.joined(separator: ",\n") + "\n) STRICT;\n"
        sql += eventIndexes
        for table in eventDescription.indexTables { sql += Self.creation(of: table, in: layout, besideEvents: true) }
        return sql + (layout.sourcesApart ? Self.sourcesTable : Self.sourcesView)
    }

    /// `event_sources (position, source)`: where each event came from (only events that name a
    /// source), read by projections that show an event's file rather than keeping a copy of every
    /// name (2.7 MB of 100,000 messages). A read model of a log kept elsewhere holds a copy of the
    /// same table.
    /// Its positions are those of `events`; the chain covers each source, so no foreign key is
    /// checked on every append.
    package static let sourcesTable = """
        CREATE TABLE event_sources (
            position INTEGER PRIMARY KEY,
            source   TEXT NOT NULL
        ) STRICT;

        """

    /// `event_sources` in a ledger before format 7, whose sources are in `events`: created with
    /// the ledger by a zorgledger of that time, and by any later writer of it.
    static let sourcesView = """
        CREATE VIEW IF NOT EXISTS event_sources AS SELECT position, source FROM events WHERE source IS NOT NULL;

        """

    /// `CREATE TABLE` and `CREATE INDEX` of index table `table` in a file of `layout`; its
    /// positions refer to `events` when the table is beside them (in a ledger; a read model holds a
    /// copy without the log, its keys as given).
    package static func creation(of table: IndexTable, in layout: Layout, besideEvents: Bool) -> String {
        let keys = table.columns.map(\.name).joined(separator: ", ")
        return "CREATE TABLE \(table.name) (\n    position INTEGER NOT NULL"
            + (besideEvents ? " REFERENCES events (position)" : "") + ",\n"
            + table.columns.map { "    \($0.name) \(layout.keptForm(ofKey: $0) == nil ? $0.type.sql : "ANY") NOT NULL,\n" }
            .joined()
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
}
