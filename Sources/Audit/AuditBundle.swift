public import Foundation
public import Ledger

/// An audit bundle: the exact bytes of some messages, a signed checkpoint of the whole log, the
/// verifier key, and per message an inclusion proof against that checkpoint. Everything needed to
/// check it is in the folder; no ledger and no zorgledger are needed (cli.md "Proofs for auditors").
///
///     DIR/checkpoint.txt         the signed note of the checkpoint
///     DIR/sleutel.pub            the verifier key
///     DIR/berichten/POSITIE.xml  the exact bytes of the event at POSITIE
///     DIR/manifest.json          origin, treeSize, rootHash and per message its audit path
///     DIR/LEESMIJ.txt            what the bundle proves and how to check it
public enum AuditBundle {
    public struct Manifest: Codable, Sendable, Equatable {
        public var origin: String
        public var treeSize: Int64
        /// BASE64 of the root hash, as in the checkpoint.
        public var rootHash: String
        public var berichten: [Bericht]
    }

    public struct Bericht: Codable, Sendable, Equatable {
        public var positie: Int64
        /// The path inside the bundle, `berichten/POSITIE.xml`.
        public var bestand: String
        /// SHA-256 of the bytes, lowercase hex.
        public var sha256: String
        /// The inclusion proof, lowercase hex, from the leaf's sibling up.
        public var auditPath: [String]
    }

    /// One message for a bundle: its position and exact bytes, and its audit path in the tree of
    /// the checkpoint.
    public struct Inhoud: Sendable {
        public var positie: Int64
        public var bytes: [UInt8]
        public var auditPath: [Digest]

        public init(positie: Int64, bytes: [UInt8], auditPath: [Digest]) {
            self.positie = positie
            self.bytes = bytes
            self.auditPath = auditPath
        }
    }

    /// What a sound bundle holds.
    public struct Samenvatting: Sendable, Equatable {
        public var origin: String
        public var treeSize: Int64
        public var berichten: Int
        public var sleutel: String
    }

    /// Writes a bundle into `folder` (created owner-only; it must not exist or be empty).
    public static func write(
        to folder: URL, checkpoint: SignedNote, verifier: NoteVerifierKey, berichten: [Inhoud], onderwerp: String
    ) throws -> Manifest {
        let punt = try Checkpoint(text: checkpoint.text)
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path), !(try fm.contentsOfDirectory(atPath: folder.path)).isEmpty {
            throw AuditError.bundle("\(folder.path) exists and is not empty")
        }
        try fm.createDirectory(at: folder.appendingPathComponent("berichten"), withIntermediateDirectories: true,
                               attributes: [.posixPermissions: 0o700])
        try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        var manifest = Manifest(
            origin: punt.origin, treeSize: punt.size, rootHash: Data(punt.root.bytes).base64EncodedString(), berichten: [])
        for bericht in berichten {
            let bestand = "berichten/\(bericht.positie).xml"
            try write(Data(bericht.bytes), to: folder.appendingPathComponent(bestand))
            manifest.berichten.append(Bericht(
                positie: bericht.positie, bestand: bestand, sha256: Digest(of: bericht.bytes).description,
                auditPath: bericht.auditPath.map(\.description)))
        }
        try write(Data(checkpoint.encoded.utf8), to: folder.appendingPathComponent("checkpoint.txt"))
        try write(Data((verifier.text + "\n").utf8), to: folder.appendingPathComponent("sleutel.pub"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(try encoder.encode(manifest) + Data("\n".utf8), to: folder.appendingPathComponent("manifest.json"))
        try write(Data(leesmij(manifest, verifier: verifier, onderwerp: onderwerp).utf8),
                  to: folder.appendingPathComponent("LEESMIJ.txt"))
        return manifest
    }

    private static func write(_ data: Data, to file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw AuditError.bundle("cannot write \(file.path)") }
    }

    /// Checks the bundle in `folder`: the checkpoint is signed by the bundle's key (or by `trusted`,
    /// when given), the manifest names that checkpoint's log, size and root, and every message's
    /// bytes hash to a leaf that its audit path proves to be in that tree. The first problem found
    /// is thrown; a bundle is never called sound when any check fails.
    public static func verify(_ folder: URL, trusting trusted: NoteVerifierKey? = nil) throws(AuditError) -> Samenvatting {
        let sleutel: NoteVerifierKey
        if let trusted { sleutel = trusted } else { sleutel = try NoteVerifierKey(text: try tekst(folder, "sleutel.pub")) }
        let note = try SignedNote(verifying: try tekst(folder, "checkpoint.txt"), with: sleutel)
        let punt = try Checkpoint(text: note.text)
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(try bytes(folder, "manifest.json")))
        } catch let fout as AuditError {
            throw fout
        } catch {
            throw .bundle("manifest.json is not a manifest")
        }
        guard manifest.origin == punt.origin, manifest.treeSize == punt.size,
            manifest.rootHash == Data(punt.root.bytes).base64EncodedString()
        else { throw .bundle("manifest.json does not describe the signed checkpoint") }
        guard !manifest.berichten.isEmpty else { throw .bundle("manifest.json lists no messages") }
        for bericht in manifest.berichten {
            guard bericht.bestand == "berichten/\(bericht.positie).xml" else {
                throw .bundle("message \(bericht.positie): the file must be berichten/\(bericht.positie).xml")
            }
            guard (1...punt.size).contains(bericht.positie) else {
                throw .bundle("message \(bericht.positie): not in a log of \(punt.size) events")
            }
            let inhoud = try bytes(folder, bericht.bestand)
            let hash = Digest(of: inhoud)
            guard hash.description == bericht.sha256 else {
                throw .bundle("\(bericht.bestand): its bytes do not have the SHA-256 in manifest.json")
            }
            let pad = bericht.auditPath.compactMap(Digest.init(hex:))
            guard pad.count == bericht.auditPath.count else {
                throw .bundle("\(bericht.bestand): the audit path is not hex hashes")
            }
            guard MerkleProof.verifyInclusion(
                leaf: MerkleHash.leaf(ofEventWithContentHash: hash), index: bericht.positie - 1, size: punt.size,
                path: pad, root: punt.root)
            else { throw .bundle("\(bericht.bestand): the audit path does not lead to the signed root") }
        }
        return Samenvatting(origin: punt.origin, treeSize: punt.size, berichten: manifest.berichten.count, sleutel: sleutel.text)
    }

    private static func bytes(_ folder: URL, _ naam: String) throws(AuditError) -> [UInt8] {
        let bestand = folder.appendingPathComponent(naam)
        var status = stat()
        guard lstat(bestand.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw .bundle("\(naam) is missing or not a regular file")
        }
        guard status.st_size <= 64 << 20, let data = FileManager.default.contents(atPath: bestand.path) else {
            throw .bundle("\(naam) cannot be read")
        }
        return Array(data)
    }

    private static func tekst(_ folder: URL, _ naam: String) throws(AuditError) -> String {
        guard let tekst = String(bytes: try bytes(folder, naam), encoding: .utf8) else { throw .bundle("\(naam) is not UTF-8 text") }
        return tekst
    }

    /// What the bundle proves and how to check it, for an auditor who has never seen zorgledger.
    static func leesmij(_ manifest: Manifest, verifier: NoteVerifierKey, onderwerp: String) -> String {
        """
        Auditbundel van zorgledger: \(onderwerp)

        Deze map bevat \(manifest.berichten.count) berichten precies zoals ze zijn uitgewisseld (berichten/), een
        ondertekend controlepunt van het hele logboek (checkpoint.txt: \(manifest.treeSize) gebeurtenissen, log
        \(manifest.origin)), de publieke sleutel waarmee dat is ondertekend (sleutel.pub) en per bericht een
        bewijs van opname (manifest.json).

        Wat het bewijst: elk bericht in deze map staat op de genoemde positie in het logboek waarvan het
        controlepunt de Merkle-wortel geeft, en de sleutelhouder heeft dat logboek met die inhoud ondertekend.
        Een later controlepunt van hetzelfde logboek kan met `zorgledger bewijs --consistentie` worden
        verbonden met dit controlepunt: dan is aangetoond dat er sindsdien niets is gewijzigd of weggelaten.

        Controleren zonder zorgledger (RFC 9162 en C2SP signed-note):
        1. Vergelijk sleutel.pub met de sleutel die de houder van het logboek u langs een andere weg gaf:
           \(verifier.text)
        2. checkpoint.txt is een signed note: de tekst tot en met de regel voor de lege regel is ondertekend
           met Ed25519; de handtekeningregel is "— NAAM BASE64(SLEUTELHASH[4] ‖ HANDTEKENING[64])". De tekst
           heeft drie regels: de herkomst, het aantal gebeurtenissen en de BASE64 van de wortelhash.
        3. Per bericht in manifest.json: SHA-256 van de bytes van het bestand = "sha256"; het blad is
           SHA-256(0x00 ‖ die 32 bytes); combineer het met "auditPath" zoals RFC 9162 §2.1.3.2 beschrijft
           (knoop = SHA-256(0x01 ‖ links ‖ rechts)), met index positie − 1 en boomgrootte treeSize. De
           uitkomst moet de wortelhash van het controlepunt zijn.
        Met zorgledger: `zorgledger audit verify MAP` (exit 0: in orde; exit 3: het eerste probleem wordt genoemd).

        """
    }
}

extension Digest {
    /// Reads 64 lowercase or uppercase hex digits.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
