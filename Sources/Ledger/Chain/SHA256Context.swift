internal import COpenSSL

/// SHA-256 over bytes fed in parts, as if they were joined: a Merkle node's prefix and children
/// are hashed where they lie, with no joined copy and no allocation. ``Digest/init(of:)`` is one part.
struct SHA256Context {
    private var state = SHA256_CTX()

    init() { SHA256_Init(&state) }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&state, base, bytes.count)
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(byte: UInt8) { withUnsafeBytes(of: byte) { update($0) } }

    /// The digest of everything fed; the context is spent.
    mutating func finish() -> Digest {
        Digest { out in _ = SHA256_Final(out.baseAddress?.assumingMemoryBound(to: UInt8.self), &state) }
    }
}
