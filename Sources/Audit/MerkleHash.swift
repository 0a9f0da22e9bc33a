public import Ledger

/// The hashes of RFC 9162 §2.1.1: a leaf and an interior node are hashed with different one-byte
/// prefixes, so no leaf can pass for a node (second-preimage resistance).
public enum MerkleHash {
    /// The root of the tree of no leaves: SHA-256 of no bytes.
    public static let empty = Digest(of: [UInt8]())

    /// SHA-256(0x00 ‖ input). A ledger leaf's input is the 32-byte SHA-256 of the event's bytes.
    public static func leaf(_ input: [UInt8]) -> Digest {
        Digest(of: [0x00] + input)
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: Digest, _ right: Digest) -> Digest {
        var input = [UInt8]()
        input.reserveCapacity(65)
        input.append(0x01)
        input += left.bytes
        input += right.bytes
        return Digest(of: input)
    }

    /// The leaf of a ledger event: its input is the SHA-256 of the event's original bytes.
    public static func leaf(ofEventWithContentHash contentHash: Digest) -> Digest {
        leaf(contentHash.bytes)
    }
}
