internal import CLZ4

/// One thread's LZ4HC encoder state, reused message after message.
///
/// The state is a quarter of a megabyte: too large for the stack and too costly to allocate, or
/// even to copy, for every message. So the loaded state of a dictionary is copied in when the
/// dictionary changes, and after each message only what compressing it changed is put back from
/// that loaded state: the hash-table slot of every position LZ4 indexed, the chain-table entries
/// of those positions, and the fields after the two tables. That is a few instructions per byte of
/// the message instead of 256 KiB, and every message is compressed from the same state, to the
/// same bytes, as after a full copy.
///
/// Which slots LZ4HC writes is its internal business (liblz4 1.9's `LZ4HC_Insert`, the only writer
/// of the tables). The first compression of a process checks that putting them back restores the
/// state exactly; where it does not, say with another liblz4, every message copies the state in full.
public final class CompressionScratch {
    let state = UnsafeMutablePointer<LZ4_streamHC_t>.allocate(capacity: 1)
    /// The dictionary whose loaded state `state` equals now; nil before the first copy.
    private var current: CompressionDictionary?

    public init() {}

    deinit { state.deallocate() }

    /// Compresses `source` against `dictionary` into `destination`, as `LZ4_compress_HC_continue` does.
    func compress(
        _ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
        against dictionary: CompressionDictionary
    ) -> Int32 {
        let loaded = dictionary.loadedState
        if current !== dictionary {
            UnsafeMutableRawPointer(state).copyMemory(from: loaded, byteCount: CompressionDictionary.stateSize)
            current = dictionary
        }
        let written = Self.encode(source, into: destination, with: state)
        if !(Self.undoIsExact && Self.undo(state, compressing: source, from: loaded)) { current = nil }
        return written
    }

    private static func encode(
        _ source: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
        with state: UnsafeMutablePointer<LZ4_streamHC_t>
    ) -> Int32 {
        LZ4_compress_HC_continue(
            state, source.baseAddress?.assumingMemoryBound(to: CChar.self),
            destination.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(source.count), Int32(destination.count))
    }

    /// Puts back into `state` what compressing `source` changed since it equalled `loaded`; false,
    /// with nothing put back, when LZ4 did not take `source` as a block of its own after the dictionary.
    static func undo(
        _ state: UnsafeMutablePointer<LZ4_streamHC_t>, compressing source: UnsafeRawBufferPointer,
        from loaded: UnsafeRawPointer
    ) -> Bool {
        let context = UnsafeMutableRawPointer(state).assumingMemoryBound(to: LZ4HC_CCtx_internal.self)
        let original = loaded.assumingMemoryBound(to: LZ4HC_CCtx_internal.self)
        // The message's positions start at dictLimit; LZ4HC_Insert indexed them up to nextToUpdate.
        let first = Int(context.pointee.dictLimit)
        let indexed = Int(context.pointee.nextToUpdate) - first
        guard UnsafeRawPointer(context.pointee.prefixStart) == source.baseAddress,
              context.pointee.lowLimit == original.pointee.dictLimit,
              indexed >= 0, indexed <= max(0, source.count - 3), indexed < chainCount
        else { return false }

        if let bytes = source.baseAddress {
            let hashes = UnsafeMutableRawPointer(context).assumingMemoryBound(to: UInt32.self)
            let originalHashes = UnsafeRawPointer(original).assumingMemoryBound(to: UInt32.self)
            for position in 0..<indexed {
                let slot = Int(((bytes + position).loadUnaligned(as: UInt32.self) &* 2_654_435_761) >> (32 - LZ4HC_HASH_LOG))
                hashes[slot] = originalHashes[slot]
            }
        }
        let chains = (UnsafeMutableRawPointer(context) + chainOffset).assumingMemoryBound(to: UInt16.self)
        let originalChains = (UnsafeRawPointer(original) + chainOffset).assumingMemoryBound(to: UInt16.self)
        let start = first % chainCount
        let beforeWrap = min(indexed, chainCount - start)
        (chains + start).update(from: originalChains + start, count: beforeWrap)
        chains.update(from: originalChains, count: indexed - beforeWrap)
        // The fields after the two tables: where the dictionary and the message lie, the level.
        (UnsafeMutableRawPointer(context) + fieldsOffset)
            .copyMemory(from: UnsafeRawPointer(original) + fieldsOffset, byteCount: CompressionDictionary.stateSize - fieldsOffset)
        return true
    }

    // Swift does not import the two tables (arrays this large), so their place follows from the
    // header: the hash table of 2^LZ4HC_HASH_LOG slots first, then the chain table up to `end`.
    private static let chainOffset = (1 << LZ4HC_HASH_LOG) * MemoryLayout<UInt32>.size
    private static let fieldsOffset = MemoryLayout<LZ4HC_CCtx_internal>.offset(of: \.end)!
    private static let chainCount = (fieldsOffset - chainOffset) / MemoryLayout<UInt16>.size

    /// Whether ``undo(_:compressing:from:)`` restores the loaded state exactly with this liblz4:
    /// tried once on a made-up dictionary and message that match both each other and themselves.
    static let undoIsExact: Bool = {
        let lines = (0..<400).map { "<regel\($0 % 7)><code>\($0 % 13)</code><bedrag>\($0 % 5)0</bedrag></regel\($0 % 7)>\n" }
        let dictionary = CompressionDictionary(id: 0, soort: "proef", versie: 1, bytes: Array(lines.prefix(200).joined().utf8))
        let message = Array(lines.suffix(200).joined().utf8)
        let state = UnsafeMutablePointer<LZ4_streamHC_t>.allocate(capacity: 1)
        defer { state.deallocate() }
        UnsafeMutableRawPointer(state).copyMemory(from: dictionary.loadedState, byteCount: CompressionDictionary.stateSize)
        var output = [UInt8](repeating: 0, count: Int(LZ4_compressBound(Int32(message.count))))
        let written = message.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { encode(source, into: $0, with: state) }
        }
        let undone = message.withUnsafeBytes { undo(state, compressing: $0, from: dictionary.loadedState) }
        let size = CompressionDictionary.stateSize
        return written > 0 && undone
            && UnsafeRawBufferPointer(start: state, count: size).elementsEqual(UnsafeRawBufferPointer(start: dictionary.loadedState, count: size))
    }()
}
