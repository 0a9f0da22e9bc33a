import Foundation
import Ledger
import TestSupport
import Testing
import ZIPFoundation

/// Messages as they really arrive: VECOZO ZIPs, VSP pull pairs and GGK envelopes, each built here
/// from the project's fixtures, ingested by the built executable.
@Suite("ingest of ZIPs, VSP pull pairs and GGK envelopes")
struct TransportIngestTests {
    /// A ZIP at `name` in `work` holding `entries` in order (a name ending in `/` a folder), deflated unless `stored`.
    static func archief(_ work: WorkDirectory, _ name: String, _ entries: [(String, [UInt8])], stored: Bool = false) throws {
        let url = work.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(
                with: path, type: path.hasSuffix("/") ? .directory : .file, uncompressedSize: Int64(bytes.count),
                compressionMethod: stored ? .none : .deflate
            ) { position, size in Data(bytes[Int(position)..<Int(position) + size]) }
        }
    }

    /// A BerichtMetadata record of the VSP REST Pull API for `payload`.
    static func vspRecord(
        _ payload: [UInt8], traceerId: String, ontvangenOp: String = "2026-03-02T09:15:00+01:00", checksum: String? = nil
    ) -> [UInt8] {
        let waarde = checksum ?? Digest(of: payload).description
        return Array("""
            {"basisgegevens": {"ontvangenOp": "\(ontvangenOp)", "payload": {"url": "https://api.vecozo.nl/p",
              "grootte": \(payload.count), "checksum": {"algoritme": "SHA256", "waarde": "\(waarde)"}}},
             "routeringgegevens": {"afzender": {"rol": "Gemeente", "code": "0518"},
              "geadresseerden": [{"rol": "Instelling", "code": "24240007"}],
              "berichtstroom": {"berichttype": "JW", "berichtsubtype": "JW301", "berichtversie": 3,
                "berichtsubversie": 2, "actie": "Toewijzing"}},
             "referentiegegevens": {"conversatieId": "6f1c2a52-0000-4000-8000-000000000001", "traceerId": "\(traceerId)"}}
            """.utf8)
    }

    /// A StUF-GGk Di01 envelope around `payload`, or with `crossRefnummer` a Du01; `bericht`
    /// replaces the bericht element when given.
    static func ggkEnvelop(
        _ payload: [UInt8], referentienummer: String, crossRefnummer: String? = nil, prolog: String = "",
        bericht: String? = nil
    ) -> [UInt8] {
        let inhoud = bericht ?? "<GGK:xmlBestand>\(Data(payload).base64EncodedString())</GGK:xmlBestand>"
        let root = crossRefnummer == nil ? "envelopHeenbericht-ggk_Di01" : "envelopRetourbericht-ggk_Du01"
        return Array("""
            <?xml version="1.0" encoding="UTF-8"?>\(prolog)
            <GGK:\(root) xmlns:StUF="http://www.egem.nl/StUF/StUF0301" \
            xmlns:GGK="http://www.stufstandaarden.nl/koppelvlak/ggk0210">
              <GGK:stuurgegevens>
                <StUF:berichtcode>\(crossRefnummer == nil ? "Di01" : "Du01")</StUF:berichtcode>
                <StUF:zender><StUF:organisatie>24240007</StUF:organisatie><StUF:applicatie>ECD</StUF:applicatie></StUF:zender>
                <StUF:ontvanger><StUF:organisatie>0518</StUF:organisatie><StUF:applicatie>GGk</StUF:applicatie></StUF:ontvanger>
                <StUF:referentienummer>\(referentienummer)</StUF:referentienummer>
                <StUF:tijdstipBericht>20260302101500</StUF:tijdstipBericht>\(
                    crossRefnummer.map { "<StUF:crossRefnummer>\($0)</StUF:crossRefnummer>" } ?? "")
                <StUF:functie>JW315</StUF:functie>
              </GGK:stuurgegevens>
              <GGK:parameters>
                <GGK:applicatieVersie>0004</GGK:applicatieVersie><GGK:applicatieSubversie>0003</GGK:applicatieSubversie>
                <GGK:functieVersie>0003</GGK:functieVersie><GGK:functieSubversie>0002</GGK:functieSubversie>
                <GGK:bericht>\(inhoud)</GGK:bericht>
              </GGK:parameters>
            </GGK:\(root)>
            """.utf8)
    }

    @Test func everyMessageEntryOfAZipIsAppendedAndEveryBadEntryIsOneLine() throws {
        let work = try WorkDirectory()
        let bomb = [UInt8](repeating: 0x20, count: 2 << 20)
        try Self.archief(work, "in/portaal.zip", [
            ("JW301.xml", try Fixture.bytes("JW301")),
            ("../JW302.xml", try Fixture.bytes("JW302")),
            ("sub/JW305.xml", try Fixture.bytes("JW305")),
            ("binnen.zip", [0x50, 0x4B, 0x03, 0x04, 0, 0]),
            ("bom.xml", bomb),
            ("JW307.xml", try Fixture.bytes("JW307")),
        ])
        let result = try work.run(["ingest", "in"])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("appended 3, duplicate 0, rejected 3"), "\(result.output)")
        let lines = result.stderrLines
        #expect(lines.count == 3)
        for (line, entry) in zip(lines, ["../JW302.xml", "binnen.zip", "bom.xml"]) {
            #expect(line.hasPrefix("rejected: in/portaal.zip!\(entry): "), "\(line)")
        }
        #expect(try work.run(["bericht", "1", "--raw"]).stdout == (try Fixture.bytes("JW301")))
        #expect(try work.run(["bericht", "2", "--raw"]).stdout == (try Fixture.bytes("JW305")))
        let shown = try work.run(["bericht", "2", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(shown.stdout)) as? [[String: Any]]
        #expect(rows?.first?["bestand"] as? String == "portaal.zip!sub/JW305.xml")
        // Nothing was extracted anywhere.
        #expect(!FileManager.default.fileExists(atPath: work.path("JW302.xml")))
        #expect(try work.run(["ingest", "in"]).output.hasPrefix("appended 0, duplicate 3, rejected 3"))
    }

    @Test func anEntryWhoseBytesDoNotMatchItsCRCIsRejectedAndTheOthersAppended() throws {
        let work = try WorkDirectory()
        try Self.archief(work, "a.zip", [("JW301.xml", try Fixture.bytes("JW301")), ("JW305.xml", try Fixture.bytes("JW305"))],
            stored: true)
        var bytes = try work.bytes("a.zip")
        // The first entry is stored: its data starts after the 30-byte local header and its name.
        bytes[30 + "JW301.xml".utf8.count + 200] ^= 0x01
        try work.write("a.zip", bytes)
        let result = try work.run(["ingest", "a.zip"])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("appended 1, duplicate 0, rejected 1"), "\(result.output)")
        #expect(result.stderrLines.first?.hasPrefix("rejected: a.zip!JW301.xml: the entry is corrupt") == true)
    }

    @Test func aTruncatedZipIsRefusedWhole() throws {
        let work = try WorkDirectory()
        try work.run(["ingest", Fixture.path("JW315")])
        let before = try work.database("zorgledger.sqlite")
        try Self.archief(work, "a.zip", Fixture.namen.prefix(4).map { ($0 + ".xml", (try? Fixture.bytes($0)) ?? []) })
        let whole = try work.bytes("a.zip")
        try work.write("a.zip", Array(whole.prefix(whole.count - 30)))
        let result = try work.run(["ingest", "a.zip"])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("appended 0, duplicate 0, rejected 1"), "\(result.output)")
        #expect(result.stderr == "rejected: a.zip: not a readable ZIP archive (truncated or corrupt): refused whole\n")
        #expect(try work.database("zorgledger.sqlite") == before)
    }

    @Test func aVSPPairIsOneMessageAndItsChecksumMustMatch() throws {
        let work = try WorkDirectory()
        let message = try Fixture.bytes("JW301")
        try work.write("pull/JW301.xml", message)
        try work.write("pull/JW301.json", Self.vspRecord(message, traceerId: "e1efb57c-9e95-478f-976a-3a80cf797129"))
        let result = try work.run(["ingest", "pull"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.hasPrefix("appended 1, duplicate 0, rejected 0"), "\(result.output)")
        #expect(try work.run(["bericht", "1", "--raw"]).stdout == message)

        // Near misses: a payload that is not the one the checksum names, and a record without its payload.
        let other = try Fixture.bytes("JW305")
        try work.write("bad/JW305.xml", other)
        try work.write("bad/JW305.json", Self.vspRecord(other, traceerId: "x", checksum: Digest(of: message).description))
        try work.write("bad/JW307.json", Self.vspRecord(try Fixture.bytes("JW307"), traceerId: "y"))
        let bad = try work.run(["ingest", "bad"])
        #expect(bad.status == 1)
        #expect(bad.output.hasPrefix("appended 0, duplicate 0, rejected 2"), "\(bad.output)")
        #expect(bad.stderrLines == [
            "rejected: bad/JW305.json: the payload does not match its SHA256 checksum",
            "rejected: bad/JW307.json: the metadata record has no payload JW307.xml beside it",
        ])
    }

    @Test func theMessageInsideAGGKEnvelopeIsTheEvent() throws {
        let work = try WorkDirectory()
        let message = try Fixture.bytes("JW315")
        try work.write("ggk/di01.xml", Self.ggkEnvelop(message, referentienummer: "9c0f7b90-5c69-41e5-a837-0800200c9a66"))
        let result = try work.run(["ingest", "ggk"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.hasPrefix("appended 1, duplicate 0, rejected 0"), "\(result.output)")
        #expect(try work.run(["bericht", "1", "--raw"]).stdout == message)

        try work.write("bad/doctype.xml", Self.ggkEnvelop(
            message, referentienummer: "r1", prolog: "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"))
        try work.write("bad/leeg.xml", Self.ggkEnvelop(message, referentienummer: "r2", bericht: ""))
        let bad = try work.run(["ingest", "bad"])
        #expect(bad.status == 1)
        #expect(bad.output.hasPrefix("appended 0, duplicate 0, rejected 2"), "\(bad.output)")
        #expect(bad.stderrLines.count == 2)
        // Near miss: a plain message whose first KiB mentions an envelope's name is still a plain message.
        let genoemd = Array(String(decoding: try Fixture.bytes("JW305"), as: UTF8.self)
            .replacingOccurrences(of: "?>", with: "?><!-- envelopHeenbericht-ggk_Di01 -->", options: [], range: nil).utf8)
        try work.write("genoemd/JW305.xml", genoemd)
        let plain = try work.run(["ingest", "genoemd"])
        #expect(plain.output.hasPrefix("appended 1, duplicate 0, rejected 0"), "\(plain.output)\(plain.stderr)")
        #expect(bad.stderrLines.first?.contains("DOCTYPE") == true)
        #expect(bad.stderrLines.last?.contains("holds no message") == true)
    }

    /// The rows of `zorgledger berichten --format json`.
    private func berichten(_ work: WorkDirectory) throws -> [[String: Any]] {
        let result = try work.run(["berichten", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [[String: Any]])
    }

    @Test func berichtenShowsEachMessagesTransportItsIdAndItsReceipt() throws {
        let work = try WorkDirectory()
        let traceerId = "e1efb57c-9e95-478f-976a-3a80cf797129"
        let record = Self.vspRecord(try Fixture.bytes("JW301"), traceerId: traceerId)
        try work.write("in/a/JW301.xml", try Fixture.bytes("JW301"))
        try work.write("in/a/JW301.json", record)
        let envelop = Self.ggkEnvelop(try Fixture.bytes("JW315"), referentienummer: "9c0f7b90-5c69-41e5-a837-0800200c9a66")
        try work.write("in/b/di01.xml", envelop)
        try Self.archief(work, "in/c/portaal.zip", [("JW305.xml", try Fixture.bytes("JW305"))])
        try work.write("in/d/JW307.xml", try Fixture.bytes("JW307"))
        let result = try work.run(["ingest", "in"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try berichten(work)
        #expect(rows.map { $0["transport"] as? String } == ["vecozo", "ggk", "vecozo", "bestand"])
        #expect(rows.map { $0["transportId"] as? String } == [traceerId, "9c0f7b90-5c69-41e5-a837-0800200c9a66", nil, nil])
        #expect(rows.map { $0["ontvangen"] as? String } == ["2026-03-02T09:15:00+01:00", "2026-03-02T10:15:00", nil, nil])
        #expect(rows.map { $0["bestand"] as? String } == ["JW301.json", "di01.xml", "portaal.zip!JW305.xml", "JW307.xml"])
        #expect(rows[2]["transportId"] is NSNull && rows[3]["ontvangen"] is NSNull)

        // The envelope is kept whole, and the message is still its exact bytes.
        #expect(try work.run(["bericht", "1", "--envelop"]).stdout == record)
        #expect(try work.run(["bericht", "2", "--envelop"]).stdout == envelop)
        #expect(try work.run(["bericht", "2", "--raw"]).stdout == (try Fixture.bytes("JW315")))
        let none = try work.run(["bericht", "4", "--envelop"])
        #expect(none.status == 1 && none.stderr == "zorgledger: the message at position 4 came without an envelope\n")
        let shown = try work.run(["bericht", "2", "--format", "json"])
        let bericht = try #require((try JSONSerialization.jsonObject(with: Data(shown.stdout)) as? [[String: Any]])?.first)
        #expect(bericht["envelopAfzender"] as? String == "24240007")
        #expect(bericht["envelopOntvanger"] as? String == "0518")
        #expect(bericht["envelopBytes"] as? Int == envelop.count)
        #expect(try work.run(["verify"]).status == 0)

        // A Du01 names the Di01 it answers; --raw and --envelop exclude each other.
        try work.write("du01.xml", Self.ggkEnvelop(
            try Fixture.bytes("JW316"), referentienummer: "b6e9f182-bc44-4f27-9863-9a5ccc1e1cf0",
            crossRefnummer: "9c0f7b90-5c69-41e5-a837-0800200c9a66"))
        #expect(try work.run(["ingest", "du01.xml"]).output.hasPrefix("appended 1"))
        let retour = try work.run(["bericht", "5", "--format", "json"])
        let du01 = try #require((try JSONSerialization.jsonObject(with: Data(retour.stdout)) as? [[String: Any]])?.first)
        #expect(du01["alsAntwoordOp"] as? String == "9c0f7b90-5c69-41e5-a837-0800200c9a66")
        #expect(du01["transport"] as? String == "ggk" && du01["berichttype"] as? String == "316")
        #expect(try work.run(["bericht", "5", "--raw", "--envelop"]).status == 2)
    }

    /// The envelope facts are in the hash chain: changing one behind zorgledger's back is found.
    @Test func aChangedTransportIdBreaksTheChain() throws {
        let work = try WorkDirectory()
        let message = try Fixture.bytes("JW301")
        try work.write("JW301.xml", message)
        try work.write("JW301.json", Self.vspRecord(message, traceerId: "e1efb57c-9e95-478f-976a-3a80cf797129"))
        try work.run(["ingest", "JW301.json", Fixture.path("JW305")])
        #expect(try work.run(["verify"]).status == 0)
        try work.sqlite(
            "DROP TRIGGER events_no_update; UPDATE events SET transport_id = 'ander' WHERE position = 1;",
            on: work.path("zorgledger.sqlite"))
        let verify = try work.run(["verify"])
        #expect(verify.status == 3)
        #expect(verify.stderr.contains("first bad position 1"), "\(verify.stderr)")
    }

    /// The same traceerId delivered again is a duplicate even when the payload was written anew;
    /// the same changed payload under another traceerId is appended as an identity conflict.
    @Test func theSameTraceerIdAgainIsADuplicateWhateverItsBytes() throws {
        let work = try WorkDirectory()
        let message = try Fixture.bytes("JW301")
        let traceerId = "e1efb57c-9e95-478f-976a-3a80cf797129"
        try work.write("een/JW301.xml", message)
        try work.write("een/JW301.json", Self.vspRecord(message, traceerId: traceerId))
        #expect(try work.run(["ingest", "een"]).output.hasPrefix("appended 1, duplicate 0, rejected 0"))

        let rewritten = message + Array("\n".utf8)
        try work.write("twee/JW301.xml", rewritten)
        try work.write("twee/JW301.json", Self.vspRecord(rewritten, traceerId: traceerId, ontvangenOp: "2026-03-03T08:00:00Z"))
        let again = try work.run(["ingest", "twee"])
        #expect(again.output.hasPrefix("appended 0, duplicate 1, rejected 0"), "\(again.output)")

        try work.write("drie/JW301.xml", rewritten)
        try work.write("drie/JW301.json", Self.vspRecord(rewritten, traceerId: "0b7c5d1e-1111-4222-8333-444455556666"))
        let other = try work.run(["ingest", "drie"])
        #expect(other.output.hasPrefix("appended 1, duplicate 0, rejected 0, identity conflicts 1"), "\(other.output)")
        // Within one batch too.
        try work.write("vier/a/JW305.xml", try Fixture.bytes("JW305"))
        try work.write("vier/a/JW305.json", Self.vspRecord(try Fixture.bytes("JW305"), traceerId: "t-305"))
        try work.write("vier/b/JW305.xml", try Fixture.bytes("JW305") + Array(" ".utf8))
        try work.write("vier/b/JW305.json", Self.vspRecord(try Fixture.bytes("JW305") + Array(" ".utf8), traceerId: "t-305"))
        #expect(try work.run(["ingest", "vier"]).output.hasPrefix("appended 1, duplicate 1, rejected 0"))

        // A GGK envelope made again around the same message, with the same referentienummer.
        try work.write("ggk1.xml", Self.ggkEnvelop(try Fixture.bytes("JW315"), referentienummer: "r-315"))
        try work.write("ggk2.xml", Self.ggkEnvelop(try Fixture.bytes("JW315") + Array("\n".utf8), referentienummer: "r-315"))
        #expect(try work.run(["ingest", "ggk1.xml", "ggk2.xml"]).output.hasPrefix("appended 1, duplicate 1, rejected 0"))
    }

    /// A message received as a plain file and again inside a ZIP is one event, with the transport
    /// of its first delivery; the other way round too.
    @Test func aMessageDeliveredAgainByAnotherRouteKeepsItsFirstTransport() throws {
        let work = try WorkDirectory()
        try work.write("los/JW301.xml", try Fixture.bytes("JW301"))
        try Self.archief(work, "zip/portaal.zip", [("JW301.xml", try Fixture.bytes("JW301")), ("JW305.xml", try Fixture.bytes("JW305"))])
        try work.write("later/JW305.xml", try Fixture.bytes("JW305"))
        #expect(try work.run(["ingest", "los"]).output.hasPrefix("appended 1, duplicate 0"))
        #expect(try work.run(["ingest", "zip"]).output.hasPrefix("appended 1, duplicate 1"))
        #expect(try work.run(["ingest", "later"]).output.hasPrefix("appended 0, duplicate 1"))
        let rows = try berichten(work)
        #expect(rows.map { $0["transport"] as? String } == ["bestand", "vecozo"])
        #expect(rows.map { $0["bestand"] as? String } == ["JW301.xml", "portaal.zip!JW305.xml"])
    }

    /// The toelichtingen of `reconcile --regel regel` at `peildatum`.
    private func toelichtingen(_ work: WorkDirectory, _ regel: String, _ peildatum: String) throws -> [String] {
        let result = try work.run(["reconcile", "--regel", regel, "--peildatum", peildatum, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [[String: Any]]
        return (rows ?? []).compactMap { $0["toelichting"] as? String }
    }

    /// OP090x4 counts 10 werkdagen from receipt where the transport recorded it, from the
    /// dagtekening otherwise (the 323's is Friday 2026-04-03, Easter Monday no werkdag), and says which.
    @Test func deadlinesCountFromReceiptWhereItIsKnown() throws {
        let declaratie = try Fixture.bytes("JW323")
        let dagtekening = try WorkDirectory()
        try dagtekening.run(["ingest", Fixture.path("JW323")])
        #expect(try toelichtingen(dagtekening, "OP090x4", "2026-04-20").isEmpty)
        #expect(try toelichtingen(dagtekening, "OP090x4", "2026-04-21") == [
            "Geen 325 op 323 van 2026-04-03, uiterlijk 2026-04-20 (10 werkdagen na dagtekening)",
        ])

        let ontvangst = try WorkDirectory()
        try ontvangst.write("pull/JW323.xml", declaratie)
        try ontvangst.write("pull/JW323.json", Self.vspRecord(
            declaratie, traceerId: "5d3c0b52-0000-4000-8000-000000000323", ontvangenOp: "2026-04-15T16:45:00+02:00"))
        #expect(try ontvangst.run(["ingest", "pull"]).status == 0)
        #expect(try toelichtingen(ontvangst, "OP090x4", "2026-04-21").isEmpty)
        // Koningsdag (Monday 2026-04-27) is no werkdag either.
        #expect(try toelichtingen(ontvangst, "OP090x4", "2026-04-30").isEmpty)
        #expect(try toelichtingen(ontvangst, "OP090x4", "2026-05-01") == [
            "Geen 325 op 323 van 2026-04-03, uiterlijk 2026-04-30 (10 werkdagen na ontvangst op 2026-04-15)",
        ])
    }

    /// A bomb whose headers lie about its size (64 MiB of zeros declared as 1,000 bytes) is cut off
    /// while it streams: one line, the other entry appended, and memory stays small.
    @Test func aBombThatLiesAboutItsSizeIsCutOffWhileItStreams() throws {
        let work = try WorkDirectory()
        try Self.archief(work, "bom.zip", [
            ("bom.xml", [UInt8](repeating: 0x20, count: 64 << 20)), ("JW301.xml", try Fixture.bytes("JW301")),
        ])
        var bytes = try work.bytes("bom.zip")
        // The first entry's uncompressed size: offset 22 of its local header, 24 of its central directory record.
        func patch(_ at: Int) { withUnsafeBytes(of: UInt32(1000).littleEndian) { bytes.replaceSubrange(at..<at + 4, with: $0) } }
        patch(22)
        let central = try #require((0..<bytes.count - 4).first { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        patch(central + 24)
        try work.write("bom.zip", bytes)
        let result = try work.start(["ingest", "bom.zip"]).wait()
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("appended 1, duplicate 0, rejected 1"), "\(result.output)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("rejected: bom.zip!bom.xml: ") == true, "\(result.stderr)")
        #expect((result.maxResident ?? 0) < 256 << 20, "peak \(result.maxResident ?? 0)")
    }
}
