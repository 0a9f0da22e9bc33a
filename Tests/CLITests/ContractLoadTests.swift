import Foundation
import TestSupport
import Testing

/// `contract load` replaces the tariffs of the gemeenten in its file and keeps those of the others.
@Suite("contract load")
struct ContractLoadTests {
    /// Contract A sets 0384 at 9850 and 0599 at 9000; contract B sets 0384 at 9000 only. Every prestatie
    /// declares 9850 (RN3 of 0384: 9851). After B, TR418 is found on all three 0384 lines (B replaced A's
    /// 0384 tariffs) and still on 0599's (A's 0599 tariff stands, B did not mention 0599).
    @Test func aLoadReplacesOnlyTheGemeentenInItsFile() throws {
        let ledger = try TweeGemeenten()
        let tr418 = ["reconcile", "--peildatum", "2025-12-31", "--regel", "TR418"]
        _ = try ledger.contract("a.csv", [
            "0384,42420001,45,45A03,2025-01-01,,9850", "0384,42420001,45,45A04,2025-01-01,,9850",
            "0599,42420002,45,45A03,2025-01-01,,9000",
        ])
        #expect(ReconcileOptionsTests.sleutels(try ledger.rows(tr418)) == ["0384/RN3", "0599/RN1"])

        _ = try ledger.contract("b.csv", [
            "0384,42420001,45,45A03,2025-01-01,,9000", "0384,42420001,45,45A04,2025-01-01,,9000",
        ])
        let na = try ledger.rows(tr418)
        #expect(ReconcileOptionsTests.sleutels(na) == ["0384/RN1", "0384/RN2", "0384/RN3", "0599/RN1"])
        // 0599 is still judged by A's 9000: 10 × 9850 − 10 × 9000.
        #expect(na.first { $0.text("gemeente") == "0599" }?.integer("bedrag") == 8500)
        // 0384 by B's 9000: RN1 10 × (9850 − 9000).
        #expect(na.first { $0.text("referentieNummer") == "RN1" && $0.text("gemeente") == "0384" }?.integer("bedrag")
            == 8500)

        let lijst = try ledger.rows(["contract"])
        #expect(lijst.map { $0.integer("positie") } == [9, 10])
        #expect(lijst.map { $0["gemeenten"] } == [
            .array([.string("0384"), .string("0599")]), .array([.string("0384")]),
        ])
        #expect(lijst.map { $0.text("bestand") } == ["a.csv", "b.csv"])
    }

    /// The contract's invocation `zorgledger --db X contract load FILE`, the options after the subcommand,
    /// and `contract list`; a bad file records nothing.
    @Test func invocationsAndErrors() throws {
        let ledger = try TweeGemeenten()
        try ledger.work.write("a.csv", Array((TweeGemeenten.contractKop + "0384,42420001,45,45A03,2025-01-01,,9850\n").utf8))
        let voor = try ledger.work.run(["--db", ledger.work.ledger, "contract", "load", "a.csv"])
        #expect(voor.status == 0 && voor.output.hasPrefix("contract recorded at position 9: 1 tarieven"), "\(voor.stderr)")
        let na = try ledger.work.run(["contract", "load", "a.csv", "--door", "j.jansen", "--db", ledger.work.ledger])
        #expect(na.status == 0 && na.output.hasPrefix("contract recorded at position 10:"), "\(na.stderr)")
        let lijst = try ledger.run(["contract", "list", "--format", "csv"])
        let records = try StrictCSV.parse(lijst.output)
        #expect(records.count == 3 && records[2][1] == "j.jansen")

        try ledger.work.write("fout.csv", Array((TweeGemeenten.contractKop + "0384,42420001,45,45A03,2025-01-01,,x\n").utf8))
        let fout = try ledger.run(["contract", "load", "fout.csv"])
        #expect(fout.status == 1 && fout.stderrLines.count == 1 && fout.stderr.hasPrefix("zorgledger: fout.csv:2:"))
        let zonderBestand = try ledger.run(["contract", "load"])
        #expect(zonderBestand.status == 2 && zonderBestand.stderr.hasPrefix("zorgledger contract load: "))
        let ontbreekt = try ledger.run(["contract", "load", "nergens.csv"])
        #expect(ontbreekt.status == 1 && ontbreekt.stderrLines.count == 1)
        #expect(try ledger.rows(["contract"]).count == 2, "a failed load recorded something")
    }
}
