/// Computes the link of the hash chain for one event.
///
/// `link(n) = SHA-256(link(n-1) ‖ position ‖ contentHash ‖ canonical metadata)`. The content hash
/// covers the original bytes, not the compressed ones, so a payload may be re-compressed with
/// another dictionary without breaking the chain. The canonical metadata covers every column a
/// reader relies on, so changing a BSN row or a sender in the database is caught like a changed payload.
///
/// The canonical metadata is, each value as a field (0 for NULL, else 1, its text, 0x1F): kind,
/// recorded_at, source, the description's columns in order, raw_size, conflict_of; then every
/// value of every index table's rows, the tables separated by 0x1E; then, only for an event that
/// sets one of the description's added columns, 0x1D and those columns as fields. Ledgers written
/// before the metadata was described, or before the columns were added, have these bytes too, so
/// their chains verify unchanged.
package enum ChainLink {
    package static func compute(
        previous: Digest, position: Int64, contentHash: Digest, kind: EventKind, recordedAt: String,
        source: String?, metadata: EventMetadata, eventDescription: EventDescription, rawSize: Int, conflictOf: Int64?
    ) -> Digest {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        previous.withUnsafeBytes { buffer.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(bitPattern: position).bigEndian) { buffer.append(contentsOf: $0) }
        contentHash.withUnsafeBytes { buffer.append(contentsOf: $0) }
        func field(_ value: String?) {
            guard let value else { return buffer.append(0) }
            buffer.append(1)
            buffer.append(contentsOf: value.utf8)
            buffer.append(0x1F)
        }
        field(kind.rawValue)
        field(recordedAt)
        field(source)
        let added = (eventDescription.firstAddedColumn ?? eventDescription.columns.count)..<eventDescription.columns.count
        for column in eventDescription.columns.indices where !added.contains(column) {
            field(metadata[column]?.canonical)
        }
        field(String(rawSize))
        field(conflictOf.map(String.init))
        for table in eventDescription.indexTables.indices {
            if table > 0 { buffer.append(0x1E) }
            for value in metadata.rows(ofIndexTable: table) { field(value.canonical) }
        }
        if added.contains(where: { metadata[$0] != nil }) {
            buffer.append(0x1D)
            for column in added { field(metadata[column]?.canonical) }
        }
        return Digest(of: buffer)
    }
}
