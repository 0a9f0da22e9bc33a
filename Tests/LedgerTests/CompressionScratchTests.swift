@testable import Ledger
import Foundation
import TestSupport
import Testing

@Suite("Compression against a dictionary, with a reused encoder state")
struct CompressionScratchTests {
    /// For every fixture kind, a message (the fixture with another Identificatie) and a
    /// dictionary trained on the fixture, so that the message matches both the dictionary and itself.
    static func messages() throws -> [(message: [UInt8], dictionary: CompressionDictionary)] {
        try Fixture.namen.enumerated().map { index, naam in
            let fixture = try Fixture.bytes(naam)
            let bytes = try #require(DictionaryTrainer(minimumSamples: 2).train([fixture, fixture]))
            let message = Array(String(decoding: fixture, as: UTF8.self)
                .replacingOccurrences(of: "<Identificatie>", with: "<Identificatie>X\(index)").utf8)
            return (message, CompressionDictionary(id: Int64(index + 1), soort: naam, versie: 1, bytes: bytes))
        }
    }

    @Test func undoingAMessageRestoresTheLoadedStateExactlyWithThisLiblz4() {
        #expect(CompressionScratch.undoIsExact)
    }

    /// Kinds in turn and in runs, an empty and a three-byte message, and one larger than LZ4's
    /// 64 KiB window (whose state is copied in full for the next): each compresses to the bytes a
    /// fresh state gives, as every message did before states were reused, and decompresses again.
    @Test func aReusedStateCompressesEveryMessageAsAFreshStateDoes() throws {
        let kinds = try Self.messages()
        let first = kinds[0]
        let large = Array(Array(repeating: first.message, count: 80).joined())
        let sequence = kinds + kinds.reversed() + Array(repeating: kinds[3], count: 3)
            + [([], first.dictionary), (Array("<a>".utf8), first.dictionary), (large, first.dictionary)] + kinds
        let scratch = CompressionScratch()
        for (message, dictionary) in sequence {
            let reused = PayloadCodec.compress(message, dictionary: dictionary, scratch: scratch)
            #expect(reused == PayloadCodec.compress(message, dictionary: dictionary))
            #expect(reused.count < message.count || message.count < 4)
            // (LZ4 writes one token for an empty message; decompress reads size 0 from an empty blob only.)
            if !message.isEmpty {
                let restored = reused.withUnsafeBytes {
                    PayloadCodec.decompress($0, originalSize: message.count, dictionary: dictionary)
                }
                #expect(restored == message)
            }
            if message.count < 64 * 1024 {
                #expect(UnsafeRawBufferPointer(start: scratch.state, count: CompressionDictionary.stateSize)
                    .elementsEqual(UnsafeRawBufferPointer(start: dictionary.loadedState, count: CompressionDictionary.stateSize)))
            }
        }
    }

    @Test func withoutADictionaryAMessageRoundTripsThroughPlainLZ4() throws {
        let message = try Fixture.bytes("JW301")
        let compressed = PayloadCodec.compress(message, dictionary: nil)
        #expect(compressed.count < message.count)
        #expect(compressed.withUnsafeBytes { PayloadCodec.decompress($0, originalSize: message.count, dictionary: nil) } == message)
    }
}
