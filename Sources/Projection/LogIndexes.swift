import Berichten
import Ledger

/// The log's index tables (for zorgledger `event_bsn` and `event_toewijzing`) copied into a read
/// model. In an SQLite ledger the projections' queries find the messages about a client or a
/// toewijzing in the log's own index tables, which share the file; a read model of a log kept
/// elsewhere holds this copy instead, with the same names and rows, so those queries stay as they are.
struct LogIndexes: Projection {
    let eventDescription: EventDescription

    var name: String { "log_indexes" }
    var version: Int { 1 }
    var tables: String {
        eventDescription.indexTables.map { EventTable.creation(of: $0, besideEvents: false) }.joined()
    }
    var views: String { "" }
    var tableNames: [String] { eventDescription.indexTables.map(\.name) }
    var viewNames: [String] { [] }

    func apply(_ event: StoredEvent, _ bericht: Bericht?, to database: ProjectionDatabase) throws(LedgerError) {
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
                try database.run(EventTable.insert(into: table), row)
            }
        }
    }
}
