import Foundation
import Testing

/// What the README promises a newcomer, and ingest with full XSD validation.
@Suite("demo, ingest --schemas, replay")
struct NewcomerTests {
    /// `make demo` runs `zorgledger demo --db zorgledger-demo.sqlite`: it must tour every view and
    /// leave a ledger that verifies; a second run finds every message a duplicate.
    @Test func demoBuildsALedgerAndToursIt() throws {
        let work = try WorkDirectory()
        let demo = try CLI.run(["demo", "--db", "demo.sqlite"], in: work.url)
        #expect(demo.status == 0, "\(demo.stderr)")
        for section in [
            "== ingest into demo.sqlite", "== the log, per message type", "== current toewijzingen",
            "== declaraties waiting for a 325", "== verzoeken", "== the timeline of toewijzing", "== verify",
            "hash chain intact",
        ] {
            #expect(demo.stdout.contains(section), "no '\(section)'")
        }
        #expect(demo.stdout.split(separator: "\n").count < 120, "the tour is meant to be short")
        #expect(try CLI.run(["--db", "demo.sqlite", "verify"], in: work.url).status == 0)
        let again = try CLI.run(["demo", "--db", "demo.sqlite"], in: work.url)
        #expect(again.stdout.contains("appended 0, duplicate"))
    }

    @Test func schemasValidateAndSayWhatIsMissing() throws {
        let schemas = try #require(SharedDomain.xsd, "shared/domain/xsd is missing")
        let work = try WorkDirectory()
        #expect(try CLI.run(["generate", "--clients", "12", "--months", "2", "--out", "in"], in: work.url).status == 0)
        let ingest = try CLI.run(["--schemas", schemas, "--db", "l.sqlite", "ingest", "in"], in: work.url)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // The generator writes XSD-valid traffic; the iWmo 3.2 package has no retour schemas.
        #expect(!ingest.stdout.contains("XSD line"), "\(ingest.stdout)")
        #expect(ingest.stdout.contains("not validated: "))
        #expect(ingest.stdout.contains("iwmo-3.2/WMO302.xsd"))
        #expect(!ingest.stdout.contains("ijw-3.2/JW302.xsd"))
    }

    @Test func aMessageThatBreaksItsXSDIsStoredAndFlaggedWithoutItsValue() throws {
        let schemas = try #require(SharedDomain.xsd, "shared/domain/xsd is missing")
        let work = try WorkDirectory()
        #expect(try CLI.run(["generate", "--clients", "1", "--months", "1", "--out", "in"], in: work.url).status == 0)
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

        let ingest = try CLI.run(
            ["--db", "l.sqlite", "ingest", "broken.xml", "--format", "json"], in: work.url,
            environment: ["ZORGLEDGER_SCHEMAS": schemas])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let report = try JSONValue.parse(ingest.stdout)
        #expect(report["appended"] == .integer(1))
        guard case .array(let flagged) = report["flagged"], let first = flagged.first else {
            Issue.record("not flagged: \(ingest.stdout)")
            return
        }
        #expect(first["bevindingen"] == .array([.string("XSD")]))
        #expect(!ingest.stdout.contains("Q1W2E3R4"), "the offending value is personal data")
        #expect(ingest.stdout.contains("Voorletters"))
    }

    @Test func replayRebuildsTheSameProjections() throws {
        let work = try WorkDirectory()
        #expect(try CLI.run(["generate", "--clients", "12", "--months", "2", "--out", "in"], in: work.url).status == 0)
        #expect(try CLI.run(["--db", "l.sqlite", "ingest", "in"], in: work.url).status == 0)
        let before = try CLI.run(["--db", "l.sqlite", "declaraties", "--format", "csv"], in: work.url)
        let replay = try CLI.run(["replay", "--db", "l.sqlite"], in: work.url)
        #expect(replay.status == 0 && replay.stdout.hasPrefix("replayed: "))
        #expect(
            try CLI.run(["--db", "l.sqlite", "declaraties", "--format", "csv"], in: work.url).stdout == before.stdout)
    }
}
