import Berichten
import Ledger

/// What the projections' queries read of the log itself, copied into a read model: the index
/// tables (for zorgledger `event_bsn` and `event_toewijzing`) and the events' sources
/// (`event_sources`). In an SQLite ledger those queries find the messages about a client or a
/// toewijzing, and the file an event came from, in the log's own tables, which share the file; a
/// read model of a log kept elsewhere holds this copy instead, with the same names and rows, so
/// those queries stay as they are.
struct LogIndexes: Projection {
    let eventDescription: EventDescription
    /// The INSERT of each index table, made once: the database finds a prepared statement by its
    /// SQL fastest when that is the same string every time.
    private let inserts: [String]

    init(eventDescription: EventDescription) {
        self.eventDescription = eventDescription
        inserts = eventDescription.indexTables.map(EventTable.insert(into:))
    }

    var name: String { "log_indexes" }
    var version: Int { 2 }
    var tables: String {
        eventDescription.indexTables.map { EventTable.creation(of: $0, in: .logical, besideEvents: false) }.joined()
            + EventTable.sourcesTable
    }
    var views: String { "" }
    var readsIndexRows: Bool { true }
    var tableNames: [String] { eventDescription.indexTables.map(\.name) + ["event_sources"] }
    var viewNames: [String] { [] }

    func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
        if let source = event.source {
            try database.run(EventTable.insertSource, [.integer(Int(event.position)), .text(source)])
        }
        for (number, table) in eventDescription.indexTables.enumerated() {
            try event.metadata.forEachRow(ofIndexTable: number, width: table.columns.count) { (key) throws(LedgerError) in
                var row: [SQLValue] = [.integer(Int(event.position))]
                for value in key {
                    switch value {
                    case .text(let text): row.append(.text(text))
                    case .integer(let number): row.append(.integer(number))
                    case .blob:
                        throw LedgerError(.notALedger, "index table \(table.name) has a key of bytes, which a read model cannot copy")
                    }
                }
                try database.run(inserts[number], row)
            }
        }
    }
}
