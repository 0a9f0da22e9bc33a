internal import CLZ4
import Synchronization

/// An LZ4 dictionary for one kind of message, with the encoder state it preloads.
///
/// Small XML messages share most of their bytes with others of their kind (element names,
/// namespaces, indentation). Compressing each message against a dictionary of those shared
/// bytes stores it in a third of the space plain LZ4 needs; with LZ4's high-compression
/// match finder (level 4) it is about a sixth of the XML, for some 10 µs per message, spent
/// off the writer's thread.
///
/// Debian's liblz4 1.9.4 exports no `LZ4_attach_HC_dictionary`, and `LZ4_loadDictHC` per
/// message costs more than the compression itself. So the dictionary is loaded once into an
/// `LZ4_streamHC_t`, which each thread's ``CompressionScratch`` copies and keeps equal to it. The
/// dictionary bytes live in memory owned by this object, because the loaded state points into them.
public final class CompressionDictionary: @unchecked Sendable {
    /// The row id of this dictionary in the ledger.
    public let id: Int64
    /// The kind of message it serves, e.g. `iJw/301`.
    public let soort: String
    /// Its version within that kind: 1 for the first dictionary trained for it.
    public let versie: Int
    let content: UnsafeMutableRawBufferPointer
    /// The encoder state with the dictionary loaded, made when a compressor first asks: only an
    /// ingest compresses, and loading every kind's state when a ledger opened was a seventh of the
    /// instructions of a read command such as `traject --bsn`.
    private let encoder = Mutex<UnsafeMutableRawPointer?>(nil)

    static let stateSize = MemoryLayout<LZ4_streamHC_t>.size
    /// LZ4HC level 4: two thirds of the size of LZ4's fast mode for a sixth of the speed of its
    /// higher levels, which gain only a few percent more. Against level 3 it stores 99,835
    /// generated messages' payloads in 2.4 % fewer bytes for no CPU time that three ingests each
    /// could tell apart; level 5 saves 4 % for 4 % more of the ingest's CPU, level 6 5 % for 5 %.
    /// A payload decompresses the same whatever level made it.
    static let level: Int32 = 4

    public init(id: Int64, soort: String, versie: Int, bytes: [UInt8]) {
        self.id = id
        self.soort = soort
        self.versie = versie
        content = .allocate(byteCount: max(bytes.count, 1), alignment: 16)
        content.copyBytes(from: bytes)
        byteCount = bytes.count
    }

    /// The encoder state with this dictionary loaded; ``CompressionScratch`` copies it, and never
    /// writes to it.
    var loadedState: UnsafeMutableRawPointer {
        encoder.withLock { state in
            if let state { return state }
            let loaded = UnsafeMutableRawPointer.allocate(byteCount: Self.stateSize, alignment: 16)
            let stream = LZ4_initStreamHC(loaded, Self.stateSize)
            LZ4_resetStreamHC_fast(stream, Self.level)
            LZ4_loadDictHC(stream, content.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(byteCount))
            state = loaded
            return loaded
        }
    }

    /// The number of dictionary bytes.
    public let byteCount: Int

    /// A copy of the dictionary bytes, as stored in the ledger.
    public var bytes: [UInt8] { Array(UnsafeRawBufferPointer(rebasing: content[0..<byteCount])) }

    deinit {
        content.deallocate()
        encoder.withLock { $0?.deallocate() }
    }
}
