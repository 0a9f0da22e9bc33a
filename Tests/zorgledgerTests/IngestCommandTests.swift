import Foundation
import TestSupport
import Testing

@Suite("zorgledger ingest, bericht and verify as real processes")
struct IngestCommandTests {
    /// Ingests every message in `folder`, checks that each comes back byte for byte and that a second
    /// ingest finds only duplicates; returns what the first ingest printed.
    private func ingestTwice(_ folder: URL) throws -> String {
        let work = try WorkDirectory()
        let first = try work.run(["--db", "l.sqlite", "ingest", folder.path])
        #expect(first.status == 0)
        #expect(first.stderr.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.count == 14)
        for (index, file) in files.enumerated() {
            let raw = try work.run(["bericht", String(index + 1), "--raw", "--db", "l.sqlite"])
            #expect(raw.status == 0)
            #expect(raw.stdout == Array(try Data(contentsOf: folder.appendingPathComponent(file))), "\(file)")
        }
        let again = try work.run(["ingest", "--db", "l.sqlite", folder.path])
        #expect(again.output.hasPrefix("appended 0, duplicate 14, rejected 0"))
        let verify = try work.run(["--db", "l.sqlite", "verify"])
        #expect(verify.status == 0)
        #expect(verify.output.hasPrefix("ok: 14 events"))
        return first.output
    }

    @Test func ingestingTheFixturesStoresTheExactBytes() throws {
        let output = try ingestTwice(Fixture.folder)
        #expect(output.hasPrefix("appended 14, duplicate 0, rejected 0\n"), "\(output)")
    }

    /// Conformance: the published examples, two of them XSD-invalid and two breaking a business rule.
    @Test(.referentie) func ingestingTheExamplesStoresTheExactBytes() throws {
        let output = try ingestTwice(SharedDomain.examples)
        // JW315 has the impossible date 2027-06-31 and JW318 an element out of place: their content
        // breaks the schema, but their headers say what they are, so both are recorded and flagged.
        #expect(output.hasPrefix("appended 14, duplicate 0, rejected 0, flagged 4"), "\(output)")
        #expect(output.contains("JW315.xml") && output.contains("JW318.xml"))
        // Business-rule breaches are stored and flagged (report §6.9).
        #expect(output.contains("JW317.xml") && output.contains("CS003"))
        #expect(output.contains("JW323.xml") && output.contains("TR101"))
    }

    @Test func standardInputIsOneMessage() throws {
        let work = try WorkDirectory()
        let message = try Fixture.bytes("JW305")
        let result = try work.run(["ingest", "-", "--format", "json"], stdin: .bytes(message))
        #expect(result.status == 0)
        #expect(result.output.contains("\"appended\": 1"))
        #expect(try work.run(["bericht", "1", "--raw"]).stdout == message)
        let shown = try work.run(["bericht", "1", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(shown.stdout)) as? [[String: Any]]
        #expect(rows?.first?["berichttype"] as? String == "305")
        #expect(rows?.first?["positie"] as? Int == 1)
        #expect(rows?.first?["bestand"] is NSNull)
    }

    @Test func badInputGetsOneLineAndLeavesTheLedgerAsItWas() throws {
        let work = try WorkDirectory()
        try work.run(["ingest", Fixture.path("JW301")])
        let before = try work.database("zorgledger.sqlite")

        let missing = try work.run(["ingest", "nowhere/JW999.xml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "zorgledger: nowhere/JW999.xml: no such file or directory\n")

        try work.write("bad/notes.xml", Array("this is no XML at all".utf8))
        try work.write("bad/empty.xml", [])
        try work.write("bad/other.xml", Array("<?xml version=\"1.0\"?><html><body/></html>".utf8))
        let bad = try work.run(["ingest", "bad"])
        #expect(bad.status == 1)
        #expect(bad.output.hasPrefix("appended 0, duplicate 0, rejected 3"))
        let lines = bad.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        for (line, file) in zip(lines, ["bad/empty.xml", "bad/notes.xml", "bad/other.xml"]) {
            #expect(line.hasPrefix("rejected: \(file): "), "\(line)")
        }
        #expect(try work.database("zorgledger.sqlite") == before)

        try work.write("notaledger.sqlite", Array("just text".utf8))
        let notALedger = try work.run(["--db", "notaledger.sqlite", "ingest", Fixture.folder.path])
        #expect(notALedger.status == 1)
        #expect(notALedger.stderr == "zorgledger: notaledger.sqlite: not a zorgledger file\n")
        #expect(try work.bytes("notaledger.sqlite") == Array("just text".utf8))

        let usage = try work.run(["verify", "--no-such-option"])
        #expect(usage.status == 2)
    }

    @Test func verifyExitsThreeAndNamesTheFirstBadPosition() throws {
        let work = try WorkDirectory()
        try work.run(["ingest", Fixture.folder.path])
        // sqlite3 behind zorgledger's back; it throws unless the tampering succeeded.
        try work.sqlite(
            "DROP TRIGGER events_no_update; UPDATE events SET afzender = '0000' WHERE position = 5;",
            on: work.path("zorgledger.sqlite"))
        let verify = try work.run(["verify"])
        #expect(verify.status == 3)
        #expect(verify.stderr.contains("first bad position 5"))
    }
}
