import Foundation
import TestSupport
import Testing

/// `reconcile` with its choices of rule set and contract, their diffs, `--ernst` and the filters, in JSON,
/// CSV and table, on ``TweeGemeenten`` (every expected finding is derived there by hand).
@Suite("reconcile options through the built executable")
struct ReconcileOptionsTests {
    typealias T = TweeGemeenten

    /// "gemeente/referentie" of each row, the way the expectations below name findings.
    static func sleutels(_ rows: [[String: JSONValue]]) -> [String] {
        rows.map { "\($0.text("gemeente") ?? "?")/\($0.text("referentieNummer") ?? "-")" }.sorted()
    }

    @Test func ernstKeepsOnlyThatErnst() throws {
        let ledger = try TweeGemeenten()
        let alle = try ledger.rows(["reconcile", "--peildatum", "2025-12-31"])
        let fout = try ledger.rows(["reconcile", "--peildatum", "2025-12-31", "--ernst", "fout"])
        let signaal = try ledger.rows(["reconcile", "--peildatum", "2025-12-31", "--ernst", "signaal"])
        #expect(!fout.isEmpty && fout.allSatisfy { $0.text("ernst") == "fout" })
        #expect(!signaal.isEmpty && signaal.allSatisfy { $0.text("ernst") == "signaal" })
        #expect(fout.count + signaal.count == alle.count)
        // RN2 declares code 45A04 on toewijzing 1001, which is for 45A03 (TR340, report §6).
        #expect(fout.contains { $0.text("regel") == "TR340" && $0.text("referentieNummer") == "RN2" })
        // No 305 reported a start of any toewijzing.
        #expect(signaal.contains { $0.text("regel") == "OP364" })
        #expect(!signaal.contains { $0.text("regel") == "TR340" })

        let fouteErnst = try ledger.run(["reconcile", "--ernst", "waarschuwing"])
        #expect(fouteErnst.status == 2 && fouteErnst.stderrLines.count == 1 && fouteErnst.stderr.contains("--ernst"))
    }

    /// Each filter keeps only matching rows, and rows it leaves out exist without it.
    @Test(arguments: [
        ("--gemeente", T.g2, "gemeente"), ("--gemeente", T.g1, "gemeente"), ("--aanbieder", T.a1, "aanbieder"),
        ("--aanbieder", T.a2, "aanbieder"), ("--toewijzing", "1001", "toewijzingNummer"),
        ("--toewijzing", "2001", "toewijzingNummer"),
    ])
    func filtersKeepOnlyMatchingFindings(_ optie: String, _ waarde: String, _ kolom: String) throws {
        let ledger = try TweeGemeenten()
        let waardeVan = { (row: [String: JSONValue]) in row.text(kolom) ?? row.integer(kolom).map(String.init) }
        let alle = try ledger.rows(["reconcile", "--peildatum", "2025-12-31"])
        let gefilterd = try ledger.rows(["reconcile", "--peildatum", "2025-12-31", optie, waarde])
        #expect(!gefilterd.isEmpty)
        #expect(gefilterd.allSatisfy { waardeVan($0) == waarde }, "\(optie) \(waarde): \(gefilterd)")
        #expect(alle.contains { waardeVan($0) != waarde }, "nothing for \(optie) \(waarde) to leave out")
        #expect(gefilterd.count == alle.filter { waardeVan($0) == waarde }.count)
    }

    /// Contract A: 0384 at 9850 for both products, 0599 at 9000; contract B: 0384 at 9851 only.
    /// TR418 (tariff ≠ contract) under A: RN3 of 0384 (9851, +2 cent) and RN1 of 0599 (9850, +8500).
    /// Under B: RN1 and RN2 of 0384 (9850 vs 9851), and still RN1 of 0599, whose tariff A set.
    @Test func contractAndDiffContract() throws {
        let ledger = try TweeGemeenten()
        let a = try ledger.contract("a.csv", [
            "0384,42420001,45,45A03,2025-01-01,,9850", "0384,42420001,45,45A04,2025-01-01,,9850",
            "0599,42420002,45,45A03,2025-01-01,,9000",
        ])
        let b = try ledger.contract("b.csv", [
            "0384,42420001,45,45A03,2025-01-01,,9851", "0384,42420001,45,45A04,2025-01-01,,9851",
        ])
        #expect(a == 9 && b == 10)
        let tr418 = ["reconcile", "--peildatum", "2025-12-31", "--regel", "TR418"]

        let onderA = try ledger.rows(tr418 + ["--contract", String(a)])
        #expect(Self.sleutels(onderA) == ["0384/RN3", "0599/RN1"])
        #expect(onderA.map { $0.integer("bedrag") ?? 0 }.sorted() == [2, 8500])
        let onderB = try ledger.rows(tr418)
        #expect(Self.sleutels(onderB) == ["0384/RN1", "0384/RN2", "0599/RN1"])
        #expect(try ledger.rows(tr418 + ["--contract", String(b)]).count == 3)

        let diff = try ledger.rows(tr418 + ["--diff-contract", "\(a)..\(b)"])
        let wijzigingen = diff.map { "\($0.text("wijziging") ?? "?") \($0.text("gemeente") ?? "?")/\($0.text("referentieNummer") ?? "-")" }
        #expect(wijzigingen.sorted() == ["verdwenen 0384/RN3", "verschenen 0384/RN1", "verschenen 0384/RN2"])

        let geenContract = try ledger.run(tr418 + ["--contract", "3"])
        #expect(geenContract.status != 0 && geenContract.stderrLines.count == 1, "\(geenContract.stderr)")
        let beide = try ledger.run(["reconcile", "--diff-contract", "\(a)..\(b)", "--diff-regelset", "1..2"])
        #expect(beide.status == 2 && beide.stderrLines.count == 1)
        let dubbel = try ledger.run(["reconcile", "--diff-contract", "\(a)..\(b)", "--contract", String(a)])
        #expect(dubbel.status == 2 && dubbel.stderrLines.count == 1)
    }

    /// Under contract C (0384 at 9851, 0599 at 9000), rule set 1 demands the exact tariff: TR418 on RN1
    /// and RN2 of 0384 (1 cent off) and RN1 of 0599. Rule set 2 allows 1 cent (IV081): only 0599 stays.
    @Test func regelsetAndDiffRegelset() throws {
        let ledger = try TweeGemeenten()
        _ = try ledger.contract("c.csv", [
            "0384,42420001,45,45A03,2025-01-01,,9851", "0384,42420001,45,45A04,2025-01-01,,9851",
            "0599,42420002,45,45A03,2025-01-01,,9000",
        ])
        let tr418 = ["reconcile", "--peildatum", "2025-12-31", "--regel", "TR418"]
        #expect(Self.sleutels(try ledger.rows(tr418 + ["--regelset", "1"])) == ["0384/RN1", "0384/RN2", "0599/RN1"])
        #expect(Self.sleutels(try ledger.rows(tr418 + ["--regelset", "2"])) == ["0599/RN1"])
        let diff = try ledger.rows(tr418 + ["--diff-regelset", "1..2"])
        #expect(diff.allSatisfy { $0.text("wijziging") == "verdwenen" })
        #expect(Self.sleutels(diff) == ["0384/RN1", "0384/RN2"])

        let onbekend = try ledger.run(tr418 + ["--regelset", "99"])
        #expect(onbekend.status != 0 && onbekend.stderrLines.count == 1 && onbekend.stderr.contains("99"))
        let slechtBereik = try ledger.run(["reconcile", "--diff-regelset", "1-2"])
        #expect(slechtBereik.status == 2 && slechtBereik.stderrLines.count == 1)
    }

    /// CSV has the JSON's columns and rows; the table counts them.
    @Test func tableAndCSVAgreeWithJSON() throws {
        let ledger = try TweeGemeenten()
        let json = try ledger.rows(["reconcile", "--peildatum", "2025-12-31"])
        try #require(json.count >= 2)
        let csv = try ledger.run(["reconcile", "--peildatum", "2025-12-31", "--format", "csv", "--show-personal"])
        #expect(csv.status == 0)
        let records = try StrictCSV.parse(csv.output)
        #expect(records.count == json.count + 1)
        #expect(Set(records[0]) == Set(json[0].keys))
        let regel = try #require(records[0].firstIndex(of: "regel"))
        let referentie = try #require(records[0].firstIndex(of: "referentieNummer"))
        #expect(records.dropFirst().map { "\($0[regel]) \($0[referentie])" }.sorted()
            == json.map { "\($0.text("regel") ?? "") \($0.text("referentieNummer") ?? "")" }.sorted())
        #expect(records.dropFirst().contains { $0[regel] == "TR340" && $0[referentie] == "RN2" })

        let table = try ledger.run(["reconcile", "--peildatum", "2025-12-31", "--format", "table"])
        #expect(table.status == 0)
        #expect(table.output.split(separator: "\n").contains { $0.hasPrefix("\(json.count) rijen") }, "\(table.output)")
        #expect(table.output.contains("TR340") && table.output.contains("RN2"))
    }
}
