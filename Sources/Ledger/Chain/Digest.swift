/// A SHA-256 digest: the content hash of a message and the links of the hash chain.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes of the digest.
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// The predecessor of the first event: 32 zero bytes.
    public static let genesis = Digest(unchecked: [UInt8](repeating: 0, count: 32))

    init(unchecked bytes: [UInt8]) { self.bytes = bytes }

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
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
