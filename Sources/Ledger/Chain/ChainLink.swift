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
        withUnsafeTemporaryAllocation(byteCount: LinkHasher.bufferSize, alignment: 16) { buffer in
            var link = LinkHasher(buffer: buffer)
            previous.withUnsafeBytes { link.write($0) }
            withUnsafeBytes(of: UInt64(bitPattern: position).bigEndian) { link.write($0) }
            contentHash.withUnsafeBytes { link.write($0) }
            link.field(.text(kind.rawValue))
            link.field(.text(recordedAt))
            link.field(source.map(MetadataValue.text))
            let columns = eventDescription.columns.count
            let added = (eventDescription.firstAddedColumn ?? columns)..<columns
            for column in eventDescription.columns.indices where !added.contains(column) {
                link.field(metadata[column])
            }
            link.field(.integer(rawSize))
            link.field(conflictOf.map { .integer(Int($0)) })
            for table in eventDescription.indexTables.indices {
                if table > 0 { link.write(0x1E) }
                for value in metadata.rows(ofIndexTable: table) { link.field(value) }
            }
            if added.contains(where: { metadata[$0] != nil }) {
                link.write(0x1D)
                for column in added { link.field(metadata[column]) }
            }
            return link.finish()
        }
    }
}

/// The chain link's bytes, hashed as they are written: gathered in a buffer on the stack and
/// handed to SHA-256 a buffer at a time, so a link costs no allocation and no call for each of
/// its forty-odd small fields.
private struct LinkHasher: CanonicalSink {
    static let bufferSize = 512
    private var context = SHA256Context()
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0

    init(buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        if count + bytes.count > buffer.count {
            flush()
            if bytes.count > buffer.count { return context.update(bytes) }
        }
        guard let source = bytes.baseAddress else { return }
        (buffer.baseAddress! + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    mutating func write(_ byte: UInt8) {
        if count == buffer.count { flush() }
        buffer[count] = byte
        count += 1
    }

    /// The digest of everything written; the hasher is spent.
    mutating func finish() -> Digest {
        flush()
        return context.finish()
    }

    private mutating func flush() {
        context.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        count = 0
    }
}
