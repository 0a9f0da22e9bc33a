import Foundation
import TestSupport
import Testing

/// What the README promises a newcomer, and ingest with full XSD validation.
@Suite("demo, ingest --schemas, replay")
struct NewcomerTests {
    /// `make demo` runs `zorgledger demo --db zorgledger-demo.sqlite`: it must tour every view and
    /// leave a ledger that verifies; a second run finds every message a duplicate.
    @Test func demoBuildsALedgerAndToursIt() throws {
        let work = try WorkDirectory()
        let demo = try work.run(["demo", "--db", "demo.sqlite"])
        #expect(demo.status == 0, "\(demo.stderr)")
        for section in [
            "== ingest into demo.sqlite", "== the log, per message type", "== current toewijzingen",
            "== declaraties waiting for a 325", "== verzoeken", "== the timeline of toewijzing", "== verify",
            "hash chain intact",
        ] {
            #expect(demo.output.contains(section), "no '\(section)'")
        }
        #expect(demo.output.split(separator: "\n").count < 120, "the tour is meant to be short")
        #expect(try work.run(["--db", "demo.sqlite", "verify"]).status == 0)
        let again = try work.run(["demo", "--db", "demo.sqlite"])
        #expect(again.output.contains("appended 0, duplicate"))
    }

    /// Conformance: needs the published schemas.
    @Test(.referentie) func schemasValidateAndSayWhatIsMissing() throws {
        let schemas = try #require(SharedDomain.xsdFolder, "\(SharedDomain.missing)")
        let work = try WorkDirectory()
        #expect(try work.run(["generate", "--clients", "12", "--months", "2", "--out", "in"]).status == 0)
        let ingest = try work.run(["--schemas", schemas, "--db", "l.sqlite", "ingest", "in"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // The generator writes XSD-valid traffic; the iWmo 3.2 package has no retour schemas.
        #expect(!ingest.output.contains("XSD line"), "\(ingest.output)")
        #expect(ingest.output.contains("not validated: "))
        #expect(ingest.output.contains("iwmo-3.2/WMO302.xsd"))
        #expect(!ingest.output.contains("ijw-3.2/JW302.xsd"))
    }

    /// Conformance: needs the published schemas.
    @Test(.referentie) func aMessageThatBreaksItsXSDIsStoredAndFlaggedWithoutItsValue() throws {
        let schemas = try #require(SharedDomain.xsdFolder, "\(SharedDomain.missing)")
        let work = try WorkDirectory()
        #expect(try work.run(["generate", "--clients", "1", "--months", "1", "--out", "in"]).status == 0)
        let folder = work.url.appendingPathComponent("in")
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                .first { $0.hasPrefix("JW301") || $0.hasPrefix("WMO301") })
        let original = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        // Voorletters allow letters only, at most 6; the decoder keeps no names, so only the XSD sees it.
        let broken = original.replacingOccurrences(
            of: #"<b:Voorletters>[^<]*</b:Voorletters>"#, with: "<b:Voorletters>Q1W2E3R4</b:Voorletters>",
            options: .regularExpression)
        try #require(broken != original, "no Voorletters in \(file)")
        try Data(broken.utf8).write(to: work.url.appendingPathComponent("broken.xml"))

        let ingest = try work.run(
            ["--db", "l.sqlite", "ingest", "broken.xml", "--format", "json"],
            environment: ["ZORGLEDGER_SCHEMAS": schemas])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let report = try JSONValue.parse(ingest.output)
        #expect(report["appended"] == .integer(1))
        guard case .array(let flagged) = report["flagged"], let first = flagged.first else {
            Issue.record("not flagged: \(ingest.output)")
            return
        }
        #expect(first["bevindingen"] == .array([.string("XSD")]))
        #expect(!ingest.output.contains("Q1W2E3R4"), "the offending value is personal data")
        #expect(ingest.output.contains("Voorletters"))
    }

    @Test func replayRebuildsTheSameProjections() throws {
        let work = try WorkDirectory()
        #expect(try work.run(["generate", "--clients", "12", "--months", "2", "--out", "in"]).status == 0)
        #expect(try work.run(["--db", "l.sqlite", "ingest", "in"]).status == 0)
        let before = try work.run(["--db", "l.sqlite", "declaraties", "--format", "csv"])
        let replay = try work.run(["replay", "--db", "l.sqlite"])
        #expect(replay.status == 0 && replay.output.hasPrefix("replayed: "))
        #expect(
            try work.run(["--db", "l.sqlite", "declaraties", "--format", "csv"]).output == before.output)
    }
}
