/// What went wrong with a proof, a key, a checkpoint or a bundle: one line, naming the thing and
/// never any message content.
public enum AuditError: Error, Equatable, CustomStringConvertible {
    case treeSizeOutOfRange(Int64, size: Int64)
    case leafOutOfRange(Int64, size: Int64)
    case missingNode(level: Int, index: Int64)
    case malformedKey(String)
    case malformedNote(String)
    case malformedCheckpoint(String)
    case signatureInvalid(String)
    case unknownKey(String)
    case crypto(String)
    case bundle(String)
    case keyFile(String)

    public var description: String {
        switch self {
        case .treeSizeOutOfRange(let n, let size): "tree size \(n) is out of range: the log holds \(size) events"
        case .leafOutOfRange(let m, let size): "position \(m + 1) is not in a tree of \(size) events"
        case .missingNode(let level, let index): "the log's Merkle tree lacks node \(index) at level \(level)"
        case .malformedKey(let why): "not a usable key: \(why)"
        case .malformedNote(let why): "not a signed note: \(why)"
        case .malformedCheckpoint(let why): "not a checkpoint: \(why)"
        case .signatureInvalid(let name): "the signature by \(name) does not verify"
        case .unknownKey(let name): "the note carries no signature by the key \(name)"
        case .crypto(let why): "libcrypto: \(why)"
        case .bundle(let why): "audit bundle: \(why)"
        case .keyFile(let why): "key file \(why)"
        }
    }
}
