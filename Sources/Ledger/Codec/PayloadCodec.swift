internal import CLZ4

/// Compresses and decompresses event payloads with LZ4, with or without a dictionary.
///
/// LZ4's block format does not record the original length; the ledger stores it in its own
/// column and decompression writes into a buffer of exactly that size.
public enum PayloadCodec {
    /// Compresses `input`: against `dictionary` with LZ4HC when one is given, using `scratch`
    /// for the encoder state (pass one per thread when compressing many messages); with plain
    /// LZ4 otherwise.
    public static func compress(
        _ input: UnsafeRawBufferPointer, dictionary: CompressionDictionary?, scratch: CompressionScratch? = nil
    ) -> [UInt8] {
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        return [UInt8](unsafeUninitializedCapacity: max(bound, 1)) { output, initialized in
            let written: Int32 = if let dictionary {
                (scratch ?? CompressionScratch()).compress(
                    input, into: UnsafeMutableRawBufferPointer(start: output.baseAddress, count: bound), against: dictionary)
            } else {
                LZ4_compress_default(
                    input.baseAddress?.assumingMemoryBound(to: CChar.self),
                    UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(input.count), Int32(bound))
            }
            // LZ4 fails only when the output bound is too small, which compressBound rules out.
            precondition(written > 0 || input.isEmpty, "LZ4 could not compress within its own bound")
            initialized = Int(max(written, 0))
        }
    }

    public static func compress(
        _ input: [UInt8], dictionary: CompressionDictionary?, scratch: CompressionScratch? = nil
    ) -> [UInt8] {
        input.withUnsafeBytes { compress($0, dictionary: dictionary, scratch: scratch) }
    }

    /// Restores `originalSize` bytes from `compressed`; nil when the data does not decode to exactly that size.
    public static func decompress(
        _ compressed: UnsafeRawBufferPointer, originalSize: Int, dictionary: CompressionDictionary?
    ) -> [UInt8]? {
        guard originalSize > 0 else { return compressed.isEmpty ? [] : nil }
        var ok = false
        let output = [UInt8](unsafeUninitializedCapacity: originalSize) { output, initialized in
            let source = compressed.baseAddress?.assumingMemoryBound(to: CChar.self)
            let destination = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: CChar.self)
            let written: Int32 = if let dictionary {
                LZ4_decompress_safe_usingDict(
                    source, destination, Int32(compressed.count), Int32(originalSize),
                    dictionary.content.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(dictionary.byteCount))
            } else {
                LZ4_decompress_safe(source, destination, Int32(compressed.count), Int32(originalSize))
            }
            ok = Int(written) == originalSize
            initialized = ok ? originalSize : 0
        }
        return ok ? output : nil
    }
}
