import Foundation
import TestSupport
import Testing

/// `contract load` and `reconcile --format json` through the built executable.
@Suite struct ReconcileCLITests {
    let work: WorkDirectory

    init() throws { work = try WorkDirectory() }

    func zorgledger(_ arguments: String...) throws -> Child.Exit {
        try work.run(["--db", "ledger.sqlite"] + arguments)
    }

    @Test func contractLoadThenReconcileAsJSON() throws {
        try work.write("in/JW301.xml", RegelTests.toewijzing)
        try work.write("in/JW323.xml", Bouw.declaratie([Bouw.prestatie("RN1", tarief: 9900)]))
        #expect(try zorgledger("ingest", "in").status == 0)

        try work.write("fout.csv", Array((ContractCSVTests.kop + "0384,42420001,45,45A03,2025-01-01,,98,50\n").utf8))
        let fout = try zorgledger("contract", "load", "fout.csv")
        #expect(fout.status == 1)
        #expect(fout.stderr == "zorgledger: fout.csv:2: expected 7 fields, found 8\n")

        try work.write("a.csv", Array(RegelTests.contract.utf8))
        let geladen = try zorgledger("contract", "load", "a.csv", "--door", "j.jansen")
        #expect(geladen.status == 0, "\(geladen.stderr)")

        let reconcile = try zorgledger("reconcile", "--format", "json", "--peildatum", "2025-12-31", "--regel", "TR418",
                                       "--show-personal")
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        let rijen = try #require(try JSONSerialization.jsonObject(with: Data(reconcile.stdout)) as? [[String: Any]])
        #expect(rijen.count == 1)
        let rij = try #require(rijen.first)
        #expect(rij["regel"] as? String == "TR418" && rij["ernst"] as? String == "fout")
        #expect((rij["toelichting"] as? String)?.contains("0611") == true)
        #expect(rij["bsn"] as? String == Bouw.client && rij["toewijzingNummer"] as? Int == 1001)
        #expect(rij["declaratieNummer"] as? String == "DN1" && rij["referentieNummer"] as? String == "RN1")
        #expect(rij["posities"] as? [Int] == [2, 3] && rij["bedrag"] as? Int == 500)
        #expect(rij["standaard"] as? String == "iJw" && rij["gemeente"] as? String == "0384")

        // A second contract at the declared tariff: the finding disappears in the diff.
        try work.write("b.csv", Array(RegelTests.contract.replacingOccurrences(of: ",9850", with: ",9900").utf8))
        #expect(try zorgledger("contract", "load", "b.csv").status == 0)
        let diff = try zorgledger("reconcile", "--format", "json", "--peildatum", "2025-12-31", "--diff-contract", "3..4")
        let verschillen = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout)) as? [[String: Any]])
        #expect(verschillen.count == 1)
        #expect(verschillen.first?["wijziging"] as? String == "verdwenen" && verschillen.first?["verschil"] as? Int == -500)
        let lijst = try zorgledger("contract", "--format", "json")
        let contracten = try #require(try JSONSerialization.jsonObject(with: Data(lijst.stdout)) as? [[String: Any]])
        #expect(contracten.map { $0["door"] as? String } == ["j.jansen", ProcessInfo.processInfo.environment["USER"] ?? "onbekend"])
    }

    /// An 8-column contract (tariff per uur) loads, a minutes line at the IV081 tariff is no
    /// TR418, and `declaraties` lists both lines of a ReferentieNummer used twice (TR314).
    @Test func contractWithEenheidAndADuplicateReferentieNummer() throws {
        try work.write("in/JW301.xml", RegelTests.toewijzing)
        try work.write("in/JW323.xml", Bouw.declaratie([
            Bouw.prestatie("RN1", volume: 90, eenheid: "01", tarief: 108, bedrag: 9750),
            Bouw.prestatie("RN1", begin: "2025-05-01", eind: "2025-05-31", volume: 2),
        ]))
        #expect(try zorgledger("ingest", "in").status == 0)
        try work.write("uur.csv", Array("""
            gemeente,aanbieder,productcategorie,productcode,begindatum,einddatum,tarief,eenheid
            0384,42420001,45,45A03,2025-01-01,,6500,04

            """.utf8))
        let geladen = try zorgledger("contract", "load", "uur.csv")
        #expect(geladen.status == 0, "\(geladen.stderr)")

        let reconcile = try zorgledger("reconcile", "--format", "json", "--peildatum", "2025-12-31")
        let rijen = try #require(try JSONSerialization.jsonObject(with: Data(reconcile.stdout)) as? [[String: Any]])
        let regels = rijen.map { "\($0["regel"] as? String ?? "")/\($0["bedrag"] as? Int ?? 0)" }
        #expect(!regels.contains { $0.hasPrefix("TR418") && !$0.hasSuffix("/\(2 * 9850 - 2 * 6500)") })
        #expect(regels.filter { $0.hasPrefix("TR314") } == ["TR314/19700"])

        let declaraties = try zorgledger("declaraties", "--format", "json")
        let lijnen = try #require(try JSONSerialization.jsonObject(with: Data(declaraties.stdout)) as? [[String: Any]])
        #expect(lijnen.map { $0["referentieNummer"] as? String } == ["RN1", "RN1"])
        #expect(lijnen.map { $0["bedrag"] as? Int } == [9750, 19_700])
    }
}
