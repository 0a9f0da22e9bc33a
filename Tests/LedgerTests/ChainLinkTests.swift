@testable import Ledger
import Testing

/// The chain link is SHA-256 over the bytes its documentation lays out; the link is hashed as its
/// fields are written, through a buffer, so these tests build the same bytes the plain way (text
/// joined, `String(number)`, hex by `String(_:radix:)`) and compare, also for a link longer than
/// the buffer.
@Suite("Hash chain links")
struct ChainLinkTests {
    @Test(arguments: [0, 7, 10, 1_234_567_890, -1, -42, Int.min, Int.max])
    func anIntegerIsItsDecimalDigits(number: Int) {
        #expect(MetadataValue.integer(number).canonical == String(number))
    }

    @Test func bytesAreLowerCaseHexAndTextIsItself() {
        let bytes: [UInt8] = [0x00, 0x0F, 0xA5, 0xFF]
        #expect(MetadataValue.blob(bytes).canonical == "000fa5ff")
        #expect(MetadataValue.blob([]).canonical == "")
        #expect(MetadataValue.text("Zorg & welzijn: €").canonical == "Zorg & welzijn: €")
    }

    @Test func aLinkIsTheHashOfItsDocumentedBytes() {
        let previous = Digest(of: Array("previous".utf8))
        let content = Digest(of: Array("content".utf8))
        var metadata = EventMetadata()
        metadata[0] = .text("0123")
        metadata[1] = .integer(-17)
        metadata[3] = .blob([0xDE, 0xAD])
        metadata[4] = .text("added")
        metadata.setRows([[.text("999999999")], [.text("000000001")]], ofIndexTable: 0)
        metadata.setRows([[.integer(12), .text("x")]], ofIndexTable: 1)
        let link = compute(previous, content, metadata)
        #expect(link == Digest(of: documentedBytes(previous, content, metadata)))
    }

    /// Two hundred index rows make a link of about 2,400 bytes, several times the buffer; the
    /// first column's length moves every field across the buffer's ends, so some end falls on a
    /// field's text and some on its one-byte marks.
    @Test func aLinkLongerThanTheBufferIsTheHashOfAllItsBytes() {
        let (previous, content) = (Digest.genesis, Digest(of: [1, 2, 3]))
        for length in 400..<420 {
            var metadata = EventMetadata()
            metadata[0] = .text(String(repeating: "a", count: length))
            metadata.setRows((0..<200).map { [.text(String(100_000_000 + $0))] }, ofIndexTable: 0)
            #expect(compute(previous, content, metadata) == Digest(of: documentedBytes(previous, content, metadata)))
        }
    }

    // MARK: Helpers

    /// Five columns, the last added later; two index tables, the second with two key columns.
    private let description = EventDescription(
        kinds: [EventKind(rawValue: "notitie")],
        columns: [.text("code"), .integer("getal"), .text("leeg"), .blob("bytes"), .text("later")],
        indexTables: [
            IndexTable(name: "een", columns: [.text("sleutel")], lookupIndex: "een_sleutel"),
            IndexTable(name: "twee", columns: [.integer("nummer"), .text("naam")], lookupIndex: "twee_nummer"),
        ],
        identity: IdentityPolicy(required: [0]), eventIndexes: [], family: [], firstAddedColumn: 4)

    private func compute(_ previous: Digest, _ content: Digest, _ metadata: EventMetadata) -> Digest {
        ChainLink.compute(
            previous: previous, position: 258, contentHash: content, kind: EventKind(rawValue: "notitie"),
            recordedAt: "2026-12-06T23:00:00.000Z", source: "bron.xml", metadata: metadata,
            eventDescription: description, rawSize: 4096, conflictOf: 7)
    }

    /// The bytes as ``ChainLink``'s documentation lays them out, built the plain way.
    private func documentedBytes(_ previous: Digest, _ content: Digest, _ metadata: EventMetadata) -> [UInt8] {
        func text(_ value: MetadataValue?) -> String? {
            switch value {
            case nil: nil
            case .text(let text): text
            case .integer(let number): String(number)
            case .blob(let bytes): bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            }
        }
        var bytes = previous.bytes + [0, 0, 0, 0, 0, 0, 1, 2] + content.bytes
        func field(_ value: String?) {
            guard let value else { return bytes.append(0) }
            bytes += [1] + Array(value.utf8) + [0x1F]
        }
        field("notitie")
        field("2026-12-06T23:00:00.000Z")
        field("bron.xml")
        for column in 0..<4 { field(text(metadata[column])) }
        field("4096")
        field("7")
        for value in metadata.rows(ofIndexTable: 0) { field(text(value)) }
        bytes.append(0x1E)
        for value in metadata.rows(ofIndexTable: 1) { field(text(value)) }
        if metadata[4] != nil {
            bytes.append(0x1D)
            field(text(metadata[4]))
        }
        return bytes
    }
}
