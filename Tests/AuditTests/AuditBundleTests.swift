import Audit
import Foundation
import Ledger
import TestSupport
import Testing

/// `audit verify` must call a bundle sound only when every check holds: each tampering below is
/// refused with one line that names the problem.
@Suite struct AuditBundleTests {
    static let berichten = (1...20).map { Array("<Bericht nummer=\"\($0)\"/>\n".utf8) }
    static let sleutel = try! NoteSigningKey.generate(name: "zorgledger-test")

    /// A bundle of messages 3, 7 and 20 of a log of 20, signed by ``sleutel`` (or `ondertekenaar`).
    static func bundel(in map: URL, ondertekenaar: NoteSigningKey = sleutel) throws -> URL {
        let boom = Boom(bladeren: berichten.map { MerkleHash.leaf(ofEventWithContentHash: Digest(of: $0)) })
        let punt = Checkpoint(origin: "zorgledger/test", size: 20, root: try boom.boom.root(size: 20))
        let doel = map.appendingPathComponent("bundel")
        _ = try AuditBundle.write(
            to: doel, checkpoint: try SignedNote(signing: punt.text, with: ondertekenaar), verifier: ondertekenaar.verifier,
            berichten: try [3, 7, 20].map {
                AuditBundle.Inhoud(positie: Int64($0), bytes: berichten[$0 - 1],
                                   auditPath: try boom.boom.inclusionProof(leaf: Int64($0 - 1), size: 20))
            }, onderwerp: "test")
        return doel
    }

    @Test func aSoundBundleVerifies() throws {
        let map = try WorkDirectory()
        let bundel = try Self.bundel(in: map.url)
        let samenvatting = try AuditBundle.verify(bundel)
        #expect(samenvatting.origin == "zorgledger/test" && samenvatting.treeSize == 20 && samenvatting.berichten == 3)
        #expect(samenvatting.sleutel == Self.sleutel.verifier.text)
        #expect(try AuditBundle.verify(bundel, trusting: Self.sleutel.verifier).berichten == 3)
        let modes = try ["", "/berichten/7.xml", "/manifest.json"].map {
            try FileManager.default.attributesOfItem(atPath: bundel.path + $0)[.posixPermissions] as? Int
        }
        #expect(modes == [0o700, 0o600, 0o600])
        let leesmij = try String(contentsOf: bundel.appendingPathComponent("LEESMIJ.txt"), encoding: .utf8)
        #expect(leesmij.contains(Self.sleutel.verifier.text) && leesmij.contains("RFC 9162"))
    }

    /// Each case changes one thing in a sound bundle and names the problem it must be refused for.
    static let knoeien: [(String, @Sendable (URL) throws -> Void, String)] = [
        ("a flipped byte", { try flip(in: $0.appendingPathComponent("berichten/7.xml")) }, "berichten/7.xml: its bytes"),
        ("a flipped byte with its hash updated", { bundel in
            try flip(in: bundel.appendingPathComponent("berichten/7.xml"))
            let nieuw = Digest(of: Array(try Data(contentsOf: bundel.appendingPathComponent("berichten/7.xml")))).description
            try manifest(bundel) { $0.berichten[1].sha256 = nieuw }
        }, "berichten/7.xml: the audit path does not lead"),
        ("swapped audit paths", { bundel in
            try manifest(bundel) { manifest in
                let eerste = manifest.berichten[0].auditPath
                manifest.berichten[0].auditPath = manifest.berichten[1].auditPath
                manifest.berichten[1].auditPath = eerste
            }
        }, "berichten/3.xml: the audit path does not lead"),
        ("a truncated audit path", { try manifest($0) { $0.berichten[2].auditPath.removeLast() } }, "berichten/20.xml: the audit path"),
        ("an audit path that is not hex", { try manifest($0) { $0.berichten[0].auditPath[0] = "zz" } }, "not hex hashes"),
        ("a wrong tree size", { try manifest($0) { $0.treeSize = 21 } }, "does not describe the signed checkpoint"),
        ("a wrong root", { try manifest($0) { $0.rootHash = Data(MerkleHash.empty.bytes).base64EncodedString() } },
         "does not describe the signed checkpoint"),
        ("an edited checkpoint", { bundel in
            let bestand = bundel.appendingPathComponent("checkpoint.txt")
            let tekst = try String(contentsOf: bestand, encoding: .utf8).replacingOccurrences(of: "\n20\n", with: "\n21\n")
            try Data(tekst.utf8).write(to: bestand)
        }, "the signature by zorgledger-test does not verify"),
        ("a checkpoint signed by another key", { bundel in
            let ander = try WorkDirectory()
            let vreemd = try Self.bundel(in: ander.url, ondertekenaar: NoteSigningKey.generate(name: "zorgledger-test"))
            try FileManager.default.removeItem(at: bundel.appendingPathComponent("checkpoint.txt"))
            try FileManager.default.copyItem(at: vreemd.appendingPathComponent("checkpoint.txt"),
                                             to: bundel.appendingPathComponent("checkpoint.txt"))
        }, "carries no signature by the key zorgledger-test"),
        ("a position outside the log", { try manifest($0) { $0.berichten[2].positie = 21; $0.berichten[2].bestand = "berichten/21.xml" } },
         "message 21: not in a log of 20 events"),
        ("a file outside the bundle", { try manifest($0) { $0.berichten[0].bestand = "../berichten/3.xml" } }, "the file must be"),
        ("a missing message", { try FileManager.default.removeItem(at: $0.appendingPathComponent("berichten/3.xml")) },
         "berichten/3.xml is missing"),
        ("a message that is a link", { bundel in
            let bestand = bundel.appendingPathComponent("berichten/3.xml")
            try FileManager.default.removeItem(at: bestand)
            try FileManager.default.createSymbolicLink(atPath: bestand.path, withDestinationPath: bundel.appendingPathComponent("berichten/7.xml").path)
        }, "berichten/3.xml is missing or not a regular file"),
        ("a manifest that is no manifest", { try Data("[1,2".utf8).write(to: $0.appendingPathComponent("manifest.json")) },
         "manifest.json is not a manifest"),
        ("an empty manifest", { try manifest($0) { $0.berichten = [] } }, "lists no messages"),
        ("a mangled key", { try Data("zorgledger-test+00000000+AAAA\n".utf8).write(to: $0.appendingPathComponent("sleutel.pub")) },
         "not a usable key"),
    ]

    @Test(arguments: 0..<knoeien.count)
    func aTamperedBundleIsRefused(_ geval: Int) throws {
        let (naam, knoei, reden) = Self.knoeien[geval]
        let map = try WorkDirectory()
        let bundel = try Self.bundel(in: map.url)
        try knoei(bundel)
        do {
            _ = try AuditBundle.verify(bundel)
            Issue.record("\(naam): called sound")
        } catch {
            #expect(error.description.contains(reden), "\(naam): \(error.description)")
            #expect(!error.description.contains("\n"), "\(naam)")
        }
    }

    /// A bundle re-signed as a whole by someone else passes on its own key, which is why an auditor
    /// checks the key: with the owner's key given, it is refused.
    @Test func aBundleResignedByAnotherKeyFailsAgainstTheOwnersKey() throws {
        let map = try WorkDirectory()
        let vreemd = try Self.bundel(in: map.url, ondertekenaar: NoteSigningKey.generate(name: "zorgledger-test"))
        #expect(try AuditBundle.verify(vreemd).berichten == 3)
        #expect(throws: AuditError.unknownKey("zorgledger-test")) { try AuditBundle.verify(vreemd, trusting: Self.sleutel.verifier) }
    }

    static func flip(in bestand: URL) throws {
        var bytes = Array(try Data(contentsOf: bestand))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: bestand)
    }

    static func manifest(_ bundel: URL, _ wijzig: (inout AuditBundle.Manifest) -> Void) throws {
        let bestand = bundel.appendingPathComponent("manifest.json")
        var manifest = try JSONDecoder().decode(AuditBundle.Manifest.self, from: Data(contentsOf: bestand))
        wijzig(&manifest)
        try JSONEncoder().encode(manifest).write(to: bestand)
    }
}
