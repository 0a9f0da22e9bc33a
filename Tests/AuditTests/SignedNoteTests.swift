import Foundation
import Audit
import Ledger
import Testing

/// C2SP signed notes and checkpoints, against the example of Go's `golang.org/x/mod/sumdb/note`:
/// Ed25519 is deterministic, so signing its text with its key must give its note byte for byte.
@Suite struct SignedNoteTests {
    static let verifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let privé = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let tekst = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let notitie = tekst + "\n\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    @Test func theGoExampleByteForByte() throws {
        let sleutel = try NoteSigningKey(text: Self.privé)
        #expect(sleutel.verifier.text == Self.verifier)
        #expect(sleutel.text == Self.privé)
        #expect(try SignedNote(signing: Self.tekst, with: sleutel).encoded == Self.notitie)
        let gelezen = try SignedNote(verifying: Self.notitie, with: NoteVerifierKey(text: Self.verifier))
        #expect(gelezen.text == Self.tekst)
    }

    @Test func anEditedNoteOrAnotherKeyIsRefused() throws {
        let verifier = try NoteVerifierKey(text: Self.verifier)
        let bewerkt = Self.notitie.replacingOccurrences(of: "answer", with: "Answer")
        #expect(throws: AuditError.signatureInvalid("PeterNeumann")) { try SignedNote(verifying: bewerkt, with: verifier) }
        let ander = try NoteSigningKey.generate(name: "PeterNeumann")
        #expect(throws: AuditError.unknownKey("PeterNeumann")) { try SignedNote(verifying: Self.notitie, with: ander.verifier) }
        let doorAnder = try SignedNote(signing: Self.tekst, with: ander)
        #expect(throws: AuditError.unknownKey("PeterNeumann")) { try SignedNote(verifying: doorAnder.encoded, with: verifier) }
        #expect(throws: AuditError.self) { try SignedNote(verifying: Self.tekst, with: verifier) }
        #expect(throws: AuditError.self) { try SignedNote(verifying: String(Self.notitie.dropLast(5)) + "\n", with: verifier) }
    }

    /// Every truncation and every one-character change of a key text is refused, never accepted
    /// as another key.
    @Test func mangledKeysAreRefused() throws {
        for tekst in [Self.verifier, Self.privé] {
            let tekens = Array(tekst)
            for lengte in 1..<tekens.count {
                let kort = String(tekens.prefix(lengte))
                #expect(throws: AuditError.self, "\(kort)") {
                    if tekst == Self.privé { _ = try NoteSigningKey(text: kort) } else { _ = try NoteVerifierKey(text: kort) }
                }
            }
            for index in tekens.indices where tekens[index] != "+" {
                var anders = tekens
                anders[index] = tekens[index] == "A" ? "B" : "A"
                let tekst2 = String(anders)
                if tekst == Self.privé {
                    #expect((try? NoteSigningKey(text: tekst2)) == nil, "\(tekst2)")
                } else {
                    #expect((try? NoteVerifierKey(text: tekst2)) == nil, "\(tekst2)")
                }
            }
        }
        #expect(throws: AuditError.self) { try NoteSigningKey.generate(name: "twee woorden") }
        #expect(throws: AuditError.self) { try NoteSigningKey.generate(name: "a+b") }
    }

    @Test func aNewKeySignsAndVerifies() throws {
        let sleutel = try NoteSigningKey.generate(name: "zorgledger-test")
        let opnieuw = try NoteSigningKey(text: sleutel.text)
        #expect(opnieuw.verifier == sleutel.verifier)
        let punt = Checkpoint(origin: "zorgledger/0f1e", size: 42, root: Digest(of: [1, 2, 3]))
        let notitie = try SignedNote(signing: punt.text, with: sleutel)
        let gelezen = try SignedNote(verifying: notitie.encoded, with: NoteVerifierKey(text: sleutel.verifier.text))
        #expect(try Checkpoint(text: gelezen.text) == punt)
    }

    @Test func checkpointsAreReadStrictly() throws {
        let punt = Checkpoint(origin: "zorgledger/abc", size: 7, root: MerkleHash.empty)
        #expect(punt.text == "zorgledger/abc\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
        #expect(try Checkpoint(text: punt.text) == punt)
        for fout in ["zorgledger/abc\n07\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                     "zorgledger/abc\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF=\n",
                     "zorgledger/abc\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nextra\n",
                     "zorgledger/abc\n-7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
                     "\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"] {
            #expect(throws: AuditError.self, "\(fout)") { try Checkpoint(text: fout) }
        }
    }
}
