/// The 64-bit FNV-1a hash of bytes fed in one or more parts: cheap, and stable across runs and
/// machines (Swift's `Hasher` is seeded per process), so it may be stored. For finding
/// candidates only: equal hashes still need their bytes compared.
///
/// Inlinable, so each caller gets the loop for its kind of byte sequence instead of generic code
/// that looks up conformances at run time.
public struct FNV1a {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable public init() {}

    /// The hash of every byte fed so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
}
