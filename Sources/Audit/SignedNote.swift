import Foundation

/// A C2SP signed note: text whose lines each end in a newline, a blank line, then one line per
/// signature, `— NAME BASE64(KEYHASH[4] ‖ SIGNATURE[64])`. The signed message is the text itself.
public struct SignedNote: Sendable, Equatable {
    public let text: String
    /// The note as written: text, blank line, signature lines.
    public let encoded: String

    /// Signs `text` with `key`. The text must be non-empty lines, each ending in a newline.
    public init(signing text: String, with key: NoteSigningKey) throws(AuditError) {
        guard text.hasSuffix("\n"), !text.hasPrefix("\n"), !text.contains("\n\n") else {
            throw .malformedNote("the text must be non-empty lines, each ending in a newline")
        }
        let signature = try key.sign(Array(text.utf8))
        var blob = [UInt8]()
        for shift in stride(from: 24, through: 0, by: -8) { blob.append(UInt8(truncatingIfNeeded: key.verifier.keyHash >> UInt32(shift))) }
        blob += signature
        self.text = text
        encoded = text + "\n" + Self.dash + key.verifier.name + " " + Data(blob).base64EncodedString() + "\n"
    }

    /// Reads `encoded` and checks its signature by `key`; a note without that key's signature, or
    /// with one that does not verify, is refused.
    public init(verifying encoded: String, with key: NoteVerifierKey) throws(AuditError) {
        guard encoded.utf8.count <= 1 << 20 else { throw .malformedNote("larger than 1 MiB") }
        guard encoded.hasSuffix("\n"), let split = encoded.range(of: "\n\n", options: .backwards) else {
            throw .malformedNote("no blank line before the signatures")
        }
        let text = String(encoded[..<split.lowerBound]) + "\n"
        let lines = encoded[split.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard !lines.isEmpty, !text.contains("\n\n") else { throw .malformedNote("no signature lines") }
        var found = false
        for line in lines {
            guard line.hasPrefix(Self.dash) else { throw .malformedNote("a signature line must start with '— '") }
            let fields = line.dropFirst(Self.dash.count).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, let blob = Data(base64Encoded: String(fields[1])).map(Array.init), blob.count == 68
            else { throw .malformedNote("a signature line is '— NAME SIGNATURE'") }
            let hash = blob.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard fields[0] == key.name, hash == key.keyHash else { continue }
            guard key.verifies(Array(blob.dropFirst(4)), of: Array(text.utf8)) else { throw .signatureInvalid(key.name) }
            found = true
        }
        guard found else { throw .unknownKey(key.name) }
        self.text = text
        self.encoded = encoded
    }

    /// U+2014 EM DASH and a space, which start every signature line.
    static let dash = "\u{2014} "
}
