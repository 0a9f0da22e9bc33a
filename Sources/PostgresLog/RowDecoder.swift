import Ledger
import PostgresNIO

/// Turns rows of `events` read from PostgreSQL into events, payloads decompressed, on any
/// thread: it holds everything it needs, so a page can be decoded while the one before is used.
struct RowDecoder: Sendable {
    let table: EventTable
    let url: PostgresURL
    /// Every dictionary the rows were compressed with, by id.
    let dictionaries: [Int64: CompressionDictionary]

    /// A row of ``EventTable/columnList`` as a ``StoredEvent``, its payload decompressed.
    func decode(_ row: PostgresRandomAccessRow, metadata: EventMetadata) throws(LedgerError) -> StoredEvent {
        var metadata = metadata
        let position = try row.cell(Int(table.position), Int64.self)
        var values: [MetadataValue?] = []
        for (index, column) in table.eventDescription.columns.enumerated() {
            values.append(try row.value(Int(table.column(index)), column.type))
        }
        metadata.setValues(values)
        let dictionary = try row.optional(Int(table.dictionaryID), Int64.self).map { id throws(LedgerError) in
            guard let dictionary = dictionaries[id] else {
                throw LedgerError(.corrupt, "\(url): compression dictionary \(id) is missing")
            }
            return dictionary
        }
        let rawSize = Int(try row.cell(Int(table.rawSize), Int64.self))
        let compressed = try row.bytes(Int(table.payload))
        let payload = compressed.withUnsafeBytes { PayloadCodec.decompress($0, originalSize: rawSize, dictionary: dictionary) }
        guard let payload else {
            throw LedgerError(.codec, "\(url): the payload at position \(position) does not decompress")
        }
        guard let kind = table.eventDescription.kind(named: try row.cell(Int(table.kind), String.self)) else {
            throw LedgerError(.corrupt, "\(url): unknown event kind at position \(position)")
        }
        return StoredEvent(
            position: position, kind: kind, recordedAt: try row.cell(Int(table.recordedAt), String.self),
            source: try row.optional(Int(table.source), String.self), metadata: metadata, payload: payload,
            conflictOf: try row.optional(Int(table.conflictOf), Int64.self),
            contentHash: Digest(bytes: try row.bytes(Int(table.contentHash))) ?? .genesis,
            chainHash: Digest(bytes: try row.bytes(Int(table.chainHash))) ?? .genesis)
    }
}
