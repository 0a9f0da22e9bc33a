import Foundation
import TestSupport
import Testing

@Suite("Privacy: owner-only files, no personal data in messages, masked BSNs")
struct PrivacyTests {
    private static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    /// With umask 000 a careless program creates 0666 files; the ledger and SQLite's -wal and -shm
    /// companions (left behind by a kill, so they can be inspected) must still be 0600, and so
    /// must the traffic `generate` writes.
    @Test func filesAreOwnerOnlyWhateverTheUmask() throws {
        let work = try WorkDirectory()
        let generate = try work.shell(
            "umask 000; exec '\(Zorgledger.executable)' generate --clients 20 --months 12 --seed 4 --out '\(work.path("traffic"))'")
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(try Self.mode(work.path("traffic")) == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: work.path("traffic")) {
            #expect(try Self.mode(work.path("traffic/\(file)")) == 0o600, "\(file)")
        }
        let ingest = try Child("/bin/sh", ["-c", "umask 000; exec '\(Zorgledger.executable)' --db '\(work.ledger)' "
            + "ingest '\(work.path("traffic"))' --batch-size 1"], in: work)
        var waited = 0
        while ingest.isRunning && waited < 2_000
            && !FileManager.default.fileExists(atPath: work.ledger + "-shm") {
            usleep(1_000)
            waited += 1
        }
        usleep(50_000)
        ingest.kill()
        _ = ingest.wait()
        let companions = try FileManager.default.contentsOfDirectory(atPath: work.url.path).filter { $0.hasPrefix("ledger.sqlite") }
        #expect(companions.contains("ledger.sqlite-wal") && companions.contains("ledger.sqlite-shm"), "\(companions)")
        for file in companions {
            #expect(try Self.mode(work.path(file)) == 0o600, "\(file)")
        }
    }

    /// Names, birth dates, addresses and telephone numbers stay inside the stored message: no
    /// table beside the log (metadata, indexes, projections) holds any of the fixtures' values.
    @Test func personalDetailsAreNeverCopiedOutOfTheMessage() throws {
        let work = try WorkDirectory()
        let ingest = try work.run(["--db", work.ledger, "ingest", Fixture.folder.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let tables = try work.sqlite("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'events'")
            .split(separator: "\n")
        #expect(tables.count > 5, "\(tables)")
        var rows = 0
        for table in tables {
            let dump = try work.sqlite("SELECT * FROM \"\(table)\"")
            rows += dump.split(separator: "\n").count
            for personal in ["Vermeulen", "Sanne", "Lotte", "2013-09-21", "Lindelaan", "9999ZB", "Den Haag", "0105550123"] {
                #expect(!dump.contains(personal), "\(table) holds \(personal)")
            }
        }
        #expect(rows > 50, "the tables hold the facts of fourteen messages")
        // The control: the values are in the messages that were ingested.
        let fixtures = Fixture.namen.map(Fixture.tekst).joined()
        #expect(["Vermeulen", "Lindelaan", "9999ZB", "0105550123", "2013-09-21"].allSatisfy(fixtures.contains))
    }

    /// Broken messages whose faults sit right next to the client's BSN, name and birth date: what
    /// zorgledger prints about them (rejected or flagged) names the element, never the value.
    @Test(arguments: [
        ("<jw301:Bsn>999990019<", "<jw301:Bsn>99990000<"),
        ("<jw301:Bsn>999990019<", "<jw301:Bsn>999990019X<"),
        ("<jw301:Bsn>999990019<", "<jw301:Bsn>999990020<"),
        ("<ijw:Datum>2013-09-21<", "<ijw:Datum>2013-09-31<"),
        ("<ijw:Datum>2013-09-21<", "<ijw:Datum>21-09-2013<"),
        ("<ijw:Achternaam>Vermeulen<", "<ijw:Achternaam>Vermeulen<ijw:Bsn>999990019</ijw:Bsn><"),
        ("<ijw:Voornamen>Sanne Lotte<", "<ijw:Voornamen>Annabel<ijw:X/><"),
        ("<jw301:Naam>", "<jw301:Naam>Annabel Vermeulen 999990019"),
        ("<jw301:Commentaar>Begeleiding thuis en op school<", "<jw301:Commentaar>Annabel Vermeulen 999990019 2013-09-21</jw301:Commentaar><jw301:Commentaar>x<"),
    ])
    func messagesNearPersonalDataNameNoValue(original: String, replacement: String) throws {
        let work = try WorkDirectory()
        let text = String(decoding: try Fixture.bytes("JW301"), as: UTF8.self)
        #expect(text.contains(original))
        try work.write("in/JW301.xml", Array(text.replacingOccurrences(of: original, with: replacement).utf8))
        let exit = try work.zorgledger(["ingest", work.path("in")])
        let printed = exit.output + exit.stderr
        #expect(exit.stderrLines.count <= 1, "\(exit.stderr)")
        for personal in ["9999", "Vermeulen", "Annabel", "Sanne", "Lotte", "2013-09", "21-09"] {
            #expect(!printed.contains(personal), "'\(personal)' in: \(printed)")
        }
    }

    /// `bericht` shows the BSNs a message concerns masked; `--show-personal`, before or after the
    /// command, shows them in full.
    @Test func bsnsAreMaskedUnlessAskedFor() throws {
        let work = try WorkDirectory()
        _ = try work.zorgledger(["ingest", Fixture.path("JW301")])
        func bsns(_ arguments: [String]) throws -> [String]? {
            let exit = try work.run(arguments)
            let rows = try JSONSerialization.jsonObject(with: Data(exit.stdout)) as? [[String: Any]]
            return rows?.first?["bsns"] as? [String]
        }
        #expect(try bsns(["--db", work.ledger, "bericht", "1", "--format", "json"]) == ["*****0019"])
        #expect(try bsns(["--show-personal", "--db", work.ledger, "bericht", "1", "--format", "json"]) == ["999990019"])
        #expect(try bsns(["--db", work.ledger, "bericht", "1", "--format", "json", "--show-personal"]) == ["999990019"])
        let table = try work.run(["--db", work.ledger, "bericht", "1", "--format", "csv"])
        #expect(!table.output.contains("999990019"))
    }
}
