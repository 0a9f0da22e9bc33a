/// A SHA-256 digest: the content hash of a message and the links of the hash chain.
///
/// Its 32 bytes are held inline: an append makes several digests an event (content hash, chain
/// link, Merkle leaf and nodes), and an array for each was a heap allocation and its reference
/// counting.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    private var storage = SIMD32<UInt8>()

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        Swift.withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes) }
    }

    /// The predecessor of the first event: 32 zero bytes.
    public static let genesis = Digest()

    private init() {}

    /// A digest whose 32 bytes `fill` writes.
    init(filling fill: (UnsafeMutableRawBufferPointer) -> Void) {
        Swift.withUnsafeMutableBytes(of: &storage, fill)
    }

    /// Calls `body` with the 32 bytes where they lie.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: storage, body)
    }

    /// The SHA-256 of `data`.
    public init(of data: UnsafeRawBufferPointer) {
        var context = SHA256Context()
        context.update(data)
        self = context.finish()
    }

    public init(of data: [UInt8]) {
        self = data.withUnsafeBytes { Digest(of: $0) }
    }

    /// Lower-case hexadecimal, as people compare and copy hashes.
    public var description: String { Self.hex(bytes) }

    /// `bytes` in lower-case hexadecimal.
    static func hex(_ bytes: [UInt8]) -> String { MetadataValue.blob(bytes).canonical }
}
