import Foundation
import Ledger

/// An Ed25519 key in the text forms of C2SP signed-note (the format of Go's
/// `golang.org/x/mod/sumdb/note`): a verifier key `NAME+KEYHASH+BASE64(0x01 ‖ PUBLIC KEY)` that
/// anyone may hold, and a private key `PRIVATE+KEY+NAME+KEYHASH+BASE64(0x01 ‖ SEED)` that must
/// stay with its owner.
public struct NoteVerifierKey: Sendable, Equatable {
    public let name: String
    /// The first 4 bytes of SHA-256(NAME ‖ 0x0A ‖ 0x01 ‖ PUBLIC KEY), big-endian.
    public let keyHash: UInt32
    let publicKey: [UInt8]

    init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
        keyHash = Self.keyHash(name: name, publicKey: publicKey)
    }

    /// Reads a verifier key; the key hash must match the name and the key.
    public init(text: String) throws(AuditError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedKey("a verifier key is NAME+KEYHASH+KEY") }
        let key = try Self.keyMaterial(parts[2], size: Ed25519.publicKeySize)
        try self.init(name: String(parts[0]), publicKey: key, claimedHash: parts[1])
    }

    init(name: String, publicKey: [UInt8], claimedHash: Substring) throws(AuditError) {
        try Self.checkName(name)
        self.init(name: name, publicKey: publicKey)
        guard claimedHash == Self.hex(keyHash) else { throw .malformedKey("the key hash does not match the key") }
    }

    public var text: String {
        "\(name)+\(Self.hex(keyHash))+\(Data([0x01] + publicKey).base64EncodedString())"
    }

    /// Whether `signature` is this key's signature of `message`.
    func verifies(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        Ed25519.verify(signature, of: message, publicKey: publicKey)
    }

    static func keyHash(name: String, publicKey: [UInt8]) -> UInt32 {
        let digest = Digest(of: Array(name.utf8) + [0x0A, 0x01] + publicKey).bytes
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// A key name: not empty, and without `+` or white space, which would make the text forms ambiguous.
    static func checkName(_ name: String) throws(AuditError) {
        guard !name.isEmpty, !name.contains("+"), !name.unicodeScalars.contains(where: \.properties.isWhitespace)
        else { throw .malformedKey("a key name is not empty and has no '+' or white space") }
    }

    /// BASE64(0x01 ‖ key) decoded: the algorithm byte must say Ed25519, the key have `size` bytes.
    static func keyMaterial(_ base64: Substring, size: Int) throws(AuditError) -> [UInt8] {
        guard let bytes = Data(base64Encoded: String(base64)).map(Array.init), bytes.count == size + 1 else {
            throw .malformedKey("the key is not BASE64 of \(size + 1) bytes")
        }
        guard bytes[0] == 0x01 else { throw .malformedKey("the key is not an Ed25519 key (algorithm \(bytes[0]))") }
        return Array(bytes.dropFirst())
    }
}

/// A private signing key of a signed note.
public struct NoteSigningKey: Sendable {
    private let seed: [UInt8]
    public let verifier: NoteVerifierKey

    /// A new random key named `name`.
    public static func generate(name: String) throws(AuditError) -> NoteSigningKey {
        try NoteVerifierKey.checkName(name)
        let seed = try Ed25519.randomSeed()
        return NoteSigningKey(seed: seed, verifier: NoteVerifierKey(name: name, publicKey: try Ed25519.publicKey(seed: seed)))
    }

    private init(seed: [UInt8], verifier: NoteVerifierKey) {
        self.seed = seed
        self.verifier = verifier
    }

    /// Reads a private key; its key hash must match the name and the key derived from the seed.
    public init(text: String) throws(AuditError) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw .malformedKey("a private key is PRIVATE+KEY+NAME+KEYHASH+KEY")
        }
        let seed = try NoteVerifierKey.keyMaterial(parts[4], size: Ed25519.seedSize)
        self.seed = seed
        verifier = try NoteVerifierKey(name: String(parts[2]), publicKey: try Ed25519.publicKey(seed: seed), claimedHash: parts[3])
    }

    /// The private key text; it is written to a 0600 file and never printed.
    public var text: String {
        "PRIVATE+KEY+\(verifier.name)+\(NoteVerifierKey.hex(verifier.keyHash))+\(Data([0x01] + seed).base64EncodedString())"
    }

    func sign(_ message: [UInt8]) throws(AuditError) -> [UInt8] { try Ed25519.sign(message, seed: seed) }
}
