import Foundation
import TestSupport
import Testing

/// `regels` and `regels gebruik`: the choice is an event of its own, listed and used by `reconcile`.
@Suite("regels and regels gebruik")
struct RegelsCommandTests {
    @Test func aChoiceIsListedAndUsed() throws {
        let ledger = try TweeGemeenten()
        // Without a choice version 1 is in force (README, Reconciliation).
        let vooraf = try ledger.rows(["regels"])
        #expect(vooraf.filter { $0.text("inGebruik") == "ja" }.map { $0.integer("versie") } == [1])
        #expect(vooraf.count >= 2 && vooraf.allSatisfy { $0["gekozen"] == .array([]) })

        let gebruik = try ledger.run(["regels", "gebruik", "2", "--door", "j.jansen"])
        #expect(gebruik.status == 0 && gebruik.output == "rule set version 2 in force from position 9\n", "\(gebruik.stderr)")
        let na = try ledger.rows(["regels", "lijst"])
        #expect(na.filter { $0.text("inGebruik") == "ja" }.map { $0.integer("versie") } == [2])
        let gekozen = try #require(na.first { $0.integer("versie") == 2 }?["gekozen"])
        guard case .array(let keuzes) = gekozen, keuzes.count == 1, case .string(let keuze) = keuzes[0] else {
            Issue.record("gekozen: \(gekozen)")
            return
        }
        #expect(keuze.hasPrefix("9 j.jansen "))

        // Under contract C, version 1 finds TR418 on three lines, version 2 (1 cent margin) on one.
        _ = try ledger.contract("c.csv", [
            "0384,42420001,45,45A03,2025-01-01,,9851", "0384,42420001,45,45A04,2025-01-01,,9851",
            "0599,42420002,45,45A03,2025-01-01,,9000",
        ])
        let tr418 = ["reconcile", "--peildatum", "2025-12-31", "--regel", "TR418"]
        #expect(try ledger.rows(tr418).count == 1)
        #expect(try ledger.rows(tr418 + ["--regelset", "1"]).count == 3)

        let csv = try StrictCSV.parse(try ledger.run(["regels", "--format", "csv"]).output)
        #expect(csv[0].prefix(2) == ["versie", "inGebruik"] && csv.count == na.count + 1)
        let tabel = try ledger.run(["regels", "--format", "table"]).output
        #expect(tabel.contains("in gebruik") && tabel.contains("ja"))
    }

    /// The contract's spellings: `--db` before the command, after the subcommand, and in the environment.
    @Test func globalOptionsWhereverTheyStand() throws {
        let work = try WorkDirectory()
        let voor = try work.run(["--db", "a.sqlite", "regels", "gebruik", "3"])
        #expect(voor.status == 0 && voor.output == "rule set version 3 in force from position 1\n", "\(voor.stderr)")
        let na = try work.run(["regels", "gebruik", "2", "--db", "a.sqlite"])
        #expect(na.output == "rule set version 2 in force from position 2\n", "\(na.stderr)")
        let omgeving = try work.run(["regels", "--format", "json"], environment: ["ZORGLEDGER_DB": "a.sqlite"])
        let rijen = try #require(try JSONValue.parse(omgeving.output).rows)
        #expect(rijen.filter { $0.text("inGebruik") == "ja" }.map { $0.integer("versie") } == [2])
    }

    @Test(arguments: [["regels", "gebruik", "99"], ["regels", "gebruik"], ["regels", "gebruik", "twee"],
                      ["regels", "gebruik", "2", "3"], ["regels", "--format", "xml"]])
    func usageErrors(_ arguments: [String]) throws {
        let work = try WorkDirectory()
        let exit = try work.run(["--db", "a.sqlite"] + arguments)
        #expect(exit.status == 2 && exit.stderrLines.count == 1, "\(arguments): \(exit.stderr)")
        #expect(exit.stderr.hasPrefix("zorgledger regels"))
        #expect(!FileManager.default.fileExists(atPath: work.path("a.sqlite")))
    }

    @Test func listingAMissingLedgerFails() throws {
        let work = try WorkDirectory()
        let exit = try work.run(["--db", "a.sqlite", "regels"])
        #expect(exit.status == 1 && exit.stderrLines.count == 1 && exit.stderr.hasPrefix("zorgledger: "))
        #expect(!FileManager.default.fileExists(atPath: work.path("a.sqlite")))
    }
}
