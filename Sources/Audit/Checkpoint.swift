import Foundation
public import Ledger

/// The state of a log that a checkpoint signs (C2SP tlog-checkpoint): its origin (which log),
/// its size and its Merkle root, as three lines. zorgledger writes no extension lines.
public struct Checkpoint: Sendable, Equatable {
    public var origin: String
    public var size: Int64
    public var root: Digest

    public init(origin: String, size: Int64, root: Digest) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// The note text: `ORIGIN\nSIZE\nBASE64(ROOT)\n`.
    public var text: String { "\(origin)\n\(size)\n\(Data(root.bytes).base64EncodedString())\n" }

    /// Reads the note text of a checkpoint: exactly three lines, a decimal size without leading
    /// zeros, a root of 32 bytes.
    public init(text: String) throws(AuditError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[3].isEmpty, !lines[0].isEmpty else {
            throw .malformedCheckpoint("a checkpoint is three lines: origin, tree size, root hash")
        }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw .malformedCheckpoint("the tree size is not a decimal number")
        }
        guard let bytes = Data(base64Encoded: String(lines[2])).map(Array.init), let root = Digest(bytes: bytes) else {
            throw .malformedCheckpoint("the root hash is not BASE64 of 32 bytes")
        }
        self.init(origin: String(lines[0]), size: size, root: root)
    }
}
