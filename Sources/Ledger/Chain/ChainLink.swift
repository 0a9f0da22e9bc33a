/// Computes the link of the hash chain for one event.
///
/// `link(n) = SHA-256(link(n-1) ‖ position ‖ contentHash ‖ canonical metadata)`. The content hash
/// covers the original bytes, not the compressed ones, so a payload may be re-compressed with
/// another dictionary without breaking the chain. The canonical metadata covers every column a
/// reader relies on, so changing a BSN row or a sender in the database is caught like a changed payload.
enum ChainLink {
    static func compute(
        previous: Digest, position: Int64, contentHash: Digest, kind: EventKind, recordedAt: String,
        source: String?, metadata: EventMetadata, rawSize: Int, conflictOf: Int64?
    ) -> Digest {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        buffer.append(contentsOf: previous.bytes)
        withUnsafeBytes(of: UInt64(bitPattern: position).bigEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: contentHash.bytes)
        func field(_ value: String?) {
            guard let value else { return buffer.append(0) }
            buffer.append(1)
            buffer.append(contentsOf: value.utf8)
            buffer.append(0x1F)
        }
        func field(_ value: Int?) { field(value.map(String.init)) }
        func field(_ value: Int64?) { field(value.map(String.init)) }
        field(kind.rawValue)
        field(recordedAt)
        field(source)
        field(metadata.standaard)
        field(metadata.release)
        field(metadata.berichtCode)
        field(metadata.berichttype)
        field(metadata.afzender)
        field(metadata.ontvanger)
        field(metadata.identificatie)
        field(metadata.dagtekening)
        field(metadata.identificatieRetour)
        field(metadata.heenbericht?.berichtCode)
        field(metadata.heenbericht?.afzender)
        field(metadata.heenbericht?.identificatie)
        field(rawSize)
        field(conflictOf)
        for bsn in metadata.bsns { field(bsn) }
        buffer.append(0x1E)
        for toewijzing in metadata.toewijzingen {
            field(toewijzing.gemeente)
            field(toewijzing.nummer)
        }
        return Digest(of: buffer)
    }
}
