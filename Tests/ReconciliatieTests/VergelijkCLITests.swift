import Foundation
import TestSupport
import Testing

/// `reconcile --vergelijk` and the gemeente's verdict in `reconcile`, through the built executable.
@Suite struct VergelijkCLITests {
    let work: WorkDirectory

    /// The three months of ``OordeelTests/drieMaanden``, RN1 rejected with 9321 and RN2 with 0611.
    init() throws {
        work = try WorkDirectory()
        for (index, bericht) in (OordeelTests.drieMaanden + [
            Bouw.antwoord(afgewezen: ["RN1"], code: "9321"), Bouw.antwoord(id: "A2", afgewezen: ["RN2"], code: "0611"),
        ]).enumerated() {
            try work.write("in/\(index).xml", bericht)
        }
        #expect(try zorgledger("ingest", "in").status == 0)
    }

    func zorgledger(_ arguments: String...) throws -> Child.Exit {
        try work.run(["--db", "ledger.sqlite"] + arguments)
    }

    func json(_ arguments: String...) throws -> [[String: Any]] {
        let exit = try work.run(["--db", "ledger.sqlite"] + arguments + ["--format", "json", "--peildatum", "2025-12-31"])
        #expect(exit.status == 0, "\(exit.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(exit.stdout)) as? [[String: Any]])
    }

    @Test func reconcileJSONCarriesTheGemeentesVerdict() throws {
        let rijen = try json("reconcile")
        let rn1 = try #require(rijen.first { $0["regel"] as? String == "TR321" && $0["referentieNummer"] as? String == "RN1" })
        #expect(rn1["gemeenteOordeel"] as? String == "afgewezen" && rn1["gemeenteRetourCodes"] as? [String] == ["9321"])
        let rn3 = try #require(rijen.first { $0["regel"] as? String == "TR321" && $0["referentieNummer"] as? String == "RN3" })
        #expect(rn3["gemeenteOordeel"] as? String == "toegekend" && rn3["gemeenteRetourCodes"] as? [String] == [])
        // A finding about no prestatie (the 301 has no retour): null and [].
        let op090 = try #require(rijen.first { $0["regel"] as? String == "OP090" })
        #expect(op090["gemeenteOordeel"] is NSNull && op090["gemeenteRetourCodes"] as? [String] == [])
        let csv = try zorgledger("reconcile", "--format", "csv", "--peildatum", "2025-12-31", "--regel", "TR321")
        let regels = String(decoding: csv.stdout, as: UTF8.self).split(separator: "\r\n")
        #expect(regels.first?.hasSuffix(",bedrag,gemeenteOordeel,gemeenteRetourCodes") == true)
        #expect(regels.contains { $0.hasSuffix(",afgewezen,9321") } && regels.contains { $0.hasSuffix(",toegekend,") })
    }

    @Test func vergelijkAsJSON() throws {
        let rijen = try json("reconcile", "--vergelijk")
        #expect(rijen.map { $0["soort"] as? String } == ["regel", "betwisten", "totaal"])
        #expect(rijen[0]["regel"] as? String == "TR321" && rijen[0]["retourCode"] is NSNull)
        #expect(rijen[0]["toegekendAantal"] as? Int == 1 && rijen[0]["toegekendBedrag"] as? Int == 246_250)
        #expect(rijen[0]["afgewezenAantal"] as? Int == 1 && rijen[0]["afgewezenBedrag"] as? Int == 206_850)
        #expect(rijen[0]["overeenstemming"] as? Double == 50.0 && rijen[0]["gemeente"] as? String == "0384")
        #expect(rijen[1]["retourCode"] as? String == "0611" && rijen[1]["betwistBedrag"] as? Int == 98_500)
        #expect(rijen[1]["overeenstemming"] is NSNull)
        #expect(rijen[2]["betwistAantal"] as? Int == 1 && rijen[2]["overeenstemming"] as? Double == 33.3)
        // The filters of reconcile apply: another aanbieder has nothing, only the (empty) total.
        let ander = try json("reconcile", "--vergelijk", "--aanbieder", "99999999")
        #expect(ander.count == 1 && ander[0]["soort"] as? String == "totaal" && ander[0]["overeenstemming"] is NSNull)
    }

    @Test func vergelijkAsTableAndCSV() throws {
        let tabel = try zorgledger("reconcile", "--vergelijk", "--format", "table", "--peildatum", "2025-12-31")
        #expect(tabel.status == 0, "\(tabel.stderr)")
        let regels = String(decoding: tabel.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(regels[0].contains("fout, toegekend") && regels[0].contains("afgewezen zonder fout"))
        #expect(regels[2].hasPrefix("regel") && regels[2].contains("TR321") && regels[2].contains("2.462,50"))
        #expect(regels[2].hasSuffix("50,0 %"))
        #expect(regels[3].hasPrefix("betwisten") && regels[3].contains("0611") && regels[3].contains("985,00"))
        #expect(regels[4].hasPrefix("totaal") && regels[4].hasSuffix("33,3 %"))
        let csv = try zorgledger("reconcile", "--vergelijk", "--format", "csv", "--peildatum", "2025-12-31")
        let rijen = String(decoding: csv.stdout, as: UTF8.self).split(separator: "\r\n")
        #expect(rijen.first == """
            soort,regel,retourCode,standaard,gemeente,aanbieder,toegekendAantal,toegekendBedrag,afgewezenAantal,\
            afgewezenBedrag,openAantal,openBedrag,betwistAantal,betwistBedrag,overeenstemming
            """)
        #expect(rijen[1] == "regel,TR321,,iJw,0384,42420001,1,246250,1,206850,0,0,0,0,50.0")
        #expect(rijen[3] == "totaal,,,iJw,0384,42420001,1,246250,1,206850,0,0,1,98500,33.3")
    }

    @Test func vergelijkRefusesSignaalAndADiff() throws {
        let signaal = try zorgledger("reconcile", "--vergelijk", "--ernst", "signaal")
        #expect(signaal.status == 2 && signaal.stderr.contains("only fout findings"))
        #expect(try zorgledger("reconcile", "--vergelijk", "--diff-regelset", "1..2").status == 2)
    }
}
