import Foundation
import TestSupport
import Testing

/// `verify` compares the projections with a fresh replay of the log: exit 3 when they drift, in text and
/// JSON, and 0 again once `replay` rebuilt them; a broken chain leaves the projections unchecked.
@Suite("verify: drift and chain, text and JSON")
struct VerifyDriftTests {
    @Test func projectionsThatDriftFromTheLogFailVerify() throws {
        let ledger = try TweeGemeenten()
        let goed = try ledger.run(["verify", "--format", "json"])
        #expect(goed.status == 0 && goed.stderr.isEmpty, "\(goed.stderr)")
        let rapport = try JSONValue.parse(goed.output)
        #expect(rapport["ok"] == .bool(true) && rapport["events"] == .integer(8) && rapport["problemCount"] == .integer(0))
        #expect(rapport["projections"]?["match"] == .bool(true) && rapport["firstProblem"] == .null)

        // Behind zorgledger's back: one of the three toewijzing versions disappears from the projection.
        try ledger.work.sqlite("DELETE FROM toewijzingen_versies WHERE toewijzing_nummer = 1002")
        #expect(try ledger.work.sqlite("SELECT count(*) FROM toewijzingen_versies") == "2")

        let tekst = try ledger.run(["verify"])
        #expect(tekst.status == 3 && tekst.output.isEmpty)
        #expect(tekst.stderrLines.last == "verify: FAILED, the projections do not match a fresh replay")
        #expect(tekst.stderrLines.contains { $0.contains("toewijzingen_versies") })

        let json = try ledger.run(["verify", "--format", "json"])
        #expect(json.status == 3)
        let fout = try JSONValue.parse(json.output)
        #expect(fout["ok"] == .bool(false) && fout["hashChain"]?["intact"] == .bool(true))
        #expect(fout["projections"]?["checked"] == .bool(true) && fout["projections"]?["match"] == .bool(false))
        guard case .string(let eerste) = fout["firstProblem"], case .integer(let aantal) = fout["problemCount"] else {
            Issue.record("\(json.output)")
            return
        }
        #expect(eerste.contains("toewijzingen_versies") && aantal >= 1)

        #expect(try ledger.run(["replay"]).status == 0)
        #expect(try ledger.run(["verify"]).status == 0)
    }

    /// A newer zorgledger on a ledger whose projections an older one built: the read commands say which
    /// projections are outdated and how to rebuild them instead of failing on a missing column.
    @Test func projectionsOfAnotherVersionAreNamedAndRebuiltByReplay() throws {
        let ledger = try TweeGemeenten()
        let voor = try ledger.run(["berichten", "--format", "csv"])
        #expect(voor.status == 0 && !voor.output.isEmpty)
        try ledger.work.sqlite("UPDATE projection_checkpoints SET version = version - 1 WHERE name = 'uitwisseling'")

        for lezen in [["berichten"], ["toewijzingen"], ["reconcile"]] {
            let oud = try ledger.run(lezen + ["--format", "csv"])
            #expect(oud.status == 1 && oud.output.isEmpty && oud.stderrLines.count == 1, "\(lezen): \(oud.stderr)")
            #expect(oud.stderr.contains("projections uitwisseling were built by another version"), "\(oud.stderr)")
            #expect(oud.stderr.contains("run `zorgledger replay`"), "\(oud.stderr)")
        }
        #expect(try ledger.run(["replay"]).status == 0)
        let na = try ledger.run(["berichten", "--format", "csv"])
        #expect(na.status == 0 && na.output == voor.output)
    }

    @Test func aBrokenChainNamesTheFirstBadPositionAndSkipsTheProjections() throws {
        let ledger = try TweeGemeenten()
        try ledger.work.sqlite(
            "DROP TRIGGER event_sources_no_update; UPDATE event_sources SET source = 'elders.xml' WHERE position = 5")
        let json = try ledger.run(["verify", "--format", "json"])
        #expect(json.status == 3)
        #expect(json.stderrLines.last?.hasPrefix("verify: FAILED") == true && json.stderrLines.count == 1)
        let rapport = try JSONValue.parse(json.output)
        #expect(rapport["ok"] == .bool(false) && rapport["hashChain"]?["intact"] == .bool(false))
        #expect(rapport["hashChain"]?["firstBadPosition"] == .integer(5))
        #expect(rapport["projections"]?["checked"] == .bool(false) && rapport["projections"]?["match"] == .null)
    }

    @Test func onlyTextAndJSON() throws {
        let ledger = try TweeGemeenten()
        let exit = try ledger.run(["verify", "--format", "csv"])
        #expect(exit.status == 2 && exit.stderrLines.count == 1 && exit.stderr.hasPrefix("zorgledger verify: "))
    }
}
