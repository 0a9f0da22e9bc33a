import Foundation
import Ledger
import TestSupport
import Testing

/// Proofs for auditors through the built executable: keys, checkpoints, proofs and bundles, with
/// every tree value recomputed here from the messages' bytes by the RFC 9162 definitions.
@Suite("Audit proofs on the command line")
struct AuditCLITests {
    /// MTH, PATH and PROOF of RFC 9162 §2.1, written out over SHA-256 of the messages.
    enum RFC9162 {
        static func leaf(_ bytes: [UInt8]) -> Digest { Digest(of: [0x00] + Digest(of: bytes).bytes) }
        static func node(_ l: Digest, _ r: Digest) -> Digest { Digest(of: [0x01] + l.bytes + r.bytes) }
        static func k(_ n: Int) -> Int { var k = 1; while k << 1 < n { k <<= 1 }; return k }
        static func mth(_ d: ArraySlice<Digest>) -> Digest {
            d.count == 0 ? Digest(of: [UInt8]()) : d.count == 1 ? d.first! : node(mth(d.prefix(k(d.count))), mth(d.dropFirst(k(d.count))))
        }
        static func path(_ m: Int, _ d: ArraySlice<Digest>) -> [Digest] {
            guard d.count > 1 else { return [] }
            let k = k(d.count)
            return m < k ? path(m, d.prefix(k)) + [mth(d.dropFirst(k))] : path(m - k, d.dropFirst(k)) + [mth(d.prefix(k))]
        }
        static func proof(_ m: Int, _ d: ArraySlice<Digest>, _ b: Bool = true) -> [Digest] {
            if m == d.count { return b ? [] : [mth(d)] }
            let k = k(d.count)
            return m <= k ? proof(m, d.prefix(k), b) + [mth(d.dropFirst(k))] : proof(m - k, d.dropFirst(k), false) + [mth(d.prefix(k))]
        }
    }

    /// A ledger of the fourteen fixtures (in their file order) and a key.
    static func ledger() throws -> (work: WorkDirectory, leaves: [Digest]) {
        let work = try WorkDirectory()
        let ingest = try work.run(["--db", work.ledger, "ingest", Fixture.folder.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let sleutel = try work.run(["sleutel", "maak", "--naam", "test-0518", "--uit", work.path("sleutel")])
        #expect(sleutel.status == 0, "\(sleutel.stderr)")
        return (work, try Fixture.namen.map { RFC9162.leaf(try Fixture.bytes($0)) })
    }

    static func json(_ exit: Child.Exit) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(exit.stdout)) as? [String: Any], "\(exit.output)")
    }

    @Test func aKeyIsOwnerOnlyAndNeverOverwritten() throws {
        let (work, _) = try Self.ledger()
        let mode = { (file: String) in try FileManager.default.attributesOfItem(atPath: work.path(file))[.posixPermissions] as? Int }
        #expect(try mode("sleutel") == 0o600)
        #expect(try mode("sleutel.pub") == 0o644)
        let tekst = try String(contentsOfFile: work.path("sleutel"), encoding: .utf8)
        #expect(tekst.hasPrefix("PRIVATE+KEY+test-0518+"))
        let again = try work.run(["sleutel", "maak", "--naam", "test-0518", "--uit", work.path("sleutel")])
        #expect(again.status == 1 && again.stderrLines.count == 1 && again.stderr.contains("never overwritten"), "\(again.stderr)")
        #expect(try String(contentsOfFile: work.path("sleutel"), encoding: .utf8) == tekst)
        let badName = try work.run(["sleutel", "maak", "--naam", "two words", "--uit", work.path("x")])
        #expect(badName.status == 1 && badName.stderrLines.count == 1, "\(badName.stderr)")
        #expect(!badName.output.contains("PRIVATE") && !again.output.contains("PRIVATE"))
    }

    @Test func aCheckpointSignsTheRootOfTheMessages() throws {
        let (work, leaves) = try Self.ledger()
        let exit = try work.run(["--db", work.ledger, "checkpoint", "--sleutel", work.path("sleutel")])
        #expect(exit.status == 0, "\(exit.stderr)")
        let lines = exit.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6 && lines[0].hasPrefix("zorgledger/") && lines[0].count == 43, "\(exit.output)")
        #expect(lines[1] == "14")
        #expect(lines[2] == Substring(Data(RFC9162.mth(leaves[...]).bytes).base64EncodedString()))
        #expect(lines[3] == "" && lines[4].hasPrefix("\u{2014} test-0518 ") && lines[5] == "")
        #expect(try work.sqlite("SELECT count(*) FROM checkpoints") == "1", "the checkpoint is kept")

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: work.path("sleutel"))
        let open = try work.run(["--db", work.ledger, "checkpoint", "--sleutel", work.path("sleutel")])
        #expect(open.status == 1 && open.stderrLines.count == 1 && open.stderr.contains("chmod 600"), "\(open.stderr)")
        try work.write("garbage", Array("not a key".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: work.path("garbage"))
        let garbage = try work.run(["--db", work.ledger, "checkpoint", "--sleutel", work.path("garbage")])
        #expect(garbage.status == 1 && garbage.stderrLines.count == 1 && garbage.stderr.contains("holds no private key"))
        #expect(try work.sqlite("SELECT count(*) FROM checkpoints") == "1", "a refused key records nothing")
    }

    @Test func proofsAreTheRFCsPathAndProof() throws {
        let (work, leaves) = try Self.ledger()
        for (positie, grootte) in [(1, 14), (5, 8), (14, 14), (13, 13), (7, 9)] {
            let exit = try work.run(["--db", work.ledger, "bewijs", "\(positie)", "--grootte", "\(grootte)"])
            #expect(exit.status == 0, "\(exit.stderr)")
            let json = try Self.json(exit)
            #expect(json["positie"] as? Int == positie && json["leafIndex"] as? Int == positie - 1)
            #expect(json["treeSize"] as? Int == grootte && json["leafHash"] as? String == leaves[positie - 1].description)
            #expect(json["auditPath"] as? [String] == RFC9162.path(positie - 1, leaves.prefix(grootte)).map(\.description))
        }
        for (oud, nieuw) in [(1, 14), (3, 8), (5, 14), (8, 14), (14, 14), (0, 5)] {
            let exit = try work.run(["--db", work.ledger, "bewijs", "--consistentie", "\(oud)", "\(nieuw)"])
            #expect(exit.status == 0, "\(exit.stderr)")
            let json = try Self.json(exit)
            #expect(json["oud"] as? Int == oud && json["nieuw"] as? Int == nieuw)
            let verwacht = oud == 0 || oud == nieuw ? [] : RFC9162.proof(oud, leaves.prefix(nieuw))
            #expect(json["proof"] as? [String] == verwacht.map(\.description), "\(oud) → \(nieuw)")
        }
        for (arguments, status) in [(["bewijs", "15"], 1), (["bewijs", "0"], 1), (["bewijs", "3", "--grootte", "2"], 1),
                                     (["bewijs", "--consistentie", "5", "15"], 1), (["bewijs", "--consistentie", "6", "5"], 1),
                                     (["bewijs"], 2), (["bewijs", "3", "--consistentie", "1", "2"], 2),
                                     (["bewijs", "--consistentie", "3"], 2)] {
            let exit = try work.run(["--db", work.ledger] + arguments)
            #expect(exit.status == Int32(status) && exit.stderrLines.count == 1, "\(arguments): \(exit.stderr)")
        }
    }

    @Test func aBundleVerifiesWithoutTheLedgerAndTamperingIsFound() throws {
        let (work, _) = try Self.ledger()
        let bundel = work.path("bundel")
        let exit = try work.run([
            "--db", work.ledger, "audit", "--toewijzing", "7100042", "--gemeente", "0518", "--sleutel", work.path("sleutel"),
            "--out", bundel,
        ])
        #expect(exit.status == 0, "\(exit.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: bundel + "/manifest.json"))) as? [String: Any])
        let berichten = try #require(manifest["berichten"] as? [[String: Any]])
        #expect(berichten.count >= 3, "the toewijzing's 301, its retour, its start, …")
        for bericht in berichten {
            let positie = try #require(bericht["positie"] as? Int)
            let bytes = try work.bytes("bundel/berichten/\(positie).xml")
            let raw = try work.run(["--db", work.ledger, "bericht", "\(positie)", "--raw"])
            #expect(bytes == raw.stdout, "the bundle holds the exact bytes of \(positie)")
        }
        try FileManager.default.removeItem(atPath: work.ledger)
        let sound = try work.run(["audit", "verify", bundel, "--sleutel", work.path("sleutel.pub")])
        #expect(sound.status == 0 && sound.output.hasPrefix("sound: \(berichten.count) message(s)"), "\(sound.stderr)")

        let eerste = try #require(berichten.first?["positie"] as? Int)
        var bytes = try work.bytes("bundel/berichten/\(eerste).xml")
        bytes[bytes.count / 2] ^= 0x20
        try work.write("bundel/berichten/\(eerste).xml", bytes)
        let tampered = try work.run(["audit", "verify", bundel])
        #expect(tampered.status == 3 && tampered.stderrLines.count == 1, "\(tampered.stderr)")
        #expect(tampered.stderr.contains("berichten/\(eerste).xml: its bytes do not have the SHA-256"))
    }

    @Test func aBundleOfNothingOrWithBadArgumentsIsRefused() throws {
        let (work, _) = try Self.ledger()
        let leeg = try work.run(["--db", work.ledger, "audit", "--bsn", "123456782", "--sleutel", work.path("sleutel"), "--out", work.path("b")])
        #expect(leeg.status == 1 && leeg.stderr == "zorgledger: no message in the ledger concerns client *****6782\n", "\(leeg.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.path("b")))
        for arguments in [["audit", "--bsn", "12"], ["audit", "--toewijzing", "7100041"], ["audit", "--bsn", "999990019", "--gemeente", "0518"]] {
            let exit = try work.run(["--db", work.ledger] + arguments + ["--sleutel", work.path("sleutel"), "--out", work.path("b")])
            #expect(exit.status == 2 && exit.stderrLines.count == 1, "\(arguments): \(exit.stderr)")
        }
    }
}
