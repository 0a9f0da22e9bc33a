import Foundation
import TestSupport
import Testing

/// Knowledge time by hand: toewijzing 1001 allocated in March, shortened by a June 301 that its
/// 302 rejects later in June. What `toewijzingen` and `traject` say depends on what was known.
@Suite struct KennistijdCLITests {
    let work: WorkDirectory

    init() throws { work = try WorkDirectory() }

    /// March: 1001 until the end of the year.
    static let maart = Bouw.toewijzing(id: "T1", dagtekening: "2025-03-01", [
        Bouw.product(1001, ingang: "2025-03-01", eind: "2025-12-31", datum: "2025-03-01"),
    ])
    static let maartRetour = Bouw.toewijzingRetour(id: "T1", dagtekening: "2025-03-01", op: "2025-03-03")
    /// June: shortened (RedenWijziging 05, verkorting) to the end of June.
    static let juni = Bouw.toewijzing(id: "T2", dagtekening: "2025-06-10", [
        Bouw.product(
            1001, ingang: "2025-03-01", eind: "2025-06-30", reden: "05", tijd: "09:00:00", datum: "2025-06-10"),
    ])
    /// The aanbieder rejects the shortening (8848) in a retour of its own day, 20 June; its header
    /// Dagtekening is the June 301's, 10 June.
    static let juniAfwijzing: [UInt8] = {
        var tekst = Bouw.kop("302", afzender: Bouw.gemeente, ontvanger: Bouw.aanbieder, id: "T2", dagtekening: "2025-06-10")
        tekst = Bouw.zet(tekst, "jw302:IdentificatieRetour", "R-T2")
        return Array(Bouw.zet(tekst, "jw302:DagtekeningRetour", "2025-06-20").utf8)
    }()

    /// A ledger of `berichten`, appended in the order given.
    func ledger(_ naam: String, _ berichten: [[UInt8]]) throws -> String {
        var bestanden: [String] = []
        for (index, bericht) in berichten.enumerated() {
            try work.write("\(naam)/\(index).xml", bericht)
            bestanden.append("\(naam)/\(index).xml")
        }
        let ingest = try work.run(["--db", "\(naam).sqlite", "ingest"] + bestanden)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return "\(naam).sqlite"
    }

    /// The one toewijzing row of `toewijzingen` with `opties`, as JSON.
    func toewijzing(_ db: String, _ opties: [String]) throws -> [String: Any]? {
        let run = try work.run(["--db", db, "toewijzingen", "--format", "json", "--peildatum", "2025-03-31"] + opties)
        #expect(run.status == 0, "\(run.stderr)")
        let rijen = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [[String: Any]])
        #expect(rijen.count <= 1)
        return rijen.first
    }

    @Test func aMarchDateShowsTheVersionKnownThen() throws {
        let db = try ledger("zonder", [Self.maart, Self.maartRetour, Self.juni])
        let maart = try #require(try toewijzing(db, ["--bekend-op", "2025-03-31"]))
        #expect(maart["einddatum"] as? String == "2025-12-31" && maart["redenWijziging"] is NSNull)
        #expect(maart["positie"] as? Int == 1 && maart["bekendSinds"] as? String == "2025-03-01")
        let nu = try #require(try toewijzing(db, []))
        #expect(nu["einddatum"] as? String == "2025-06-30" && nu["redenWijziging"] as? String == "05")
        #expect(nu["positie"] as? Int == 3 && nu["bekendSinds"] as? String == "2025-06-10")
        // Position 2 is the March retour: the June 301 is not in the log yet.
        #expect(try toewijzing(db, ["--tot-positie", "2"])?["positie"] as? Int == 1)
        #expect(try toewijzing(db, ["--tot-positie", "3"])?["positie"] as? Int == 3)
        // Before the first 301 nothing was known.
        #expect(try toewijzing(db, ["--bekend-op", "2025-02-28"]) == nil)
        #expect(try toewijzing(db, ["--tot-positie", "0"]) == nil)

        let csv = try work.run(["--db", db, "toewijzingen", "--format", "csv", "--bekend-op", "2025-03-31"])
        let regels = csv.output.split(separator: "\r\n")
        #expect(regels.first?.hasSuffix(",status,positie,bekendSinds") == true, "\(csv.output)")
        #expect(regels.last?.hasSuffix(",1,2025-03-01") == true, "\(csv.output)")
        let tabel = try work.run(["--db", db, "toewijzingen", "--format", "table", "--tot-positie", "3"])
        #expect(tabel.output.contains("bekend sinds") && tabel.output.contains("2025-06-10"))
    }

    @Test func aRetourCountsFromItsOwnDagtekeningRetour() throws {
        // Received in reverse: positions differ, the answers by date do not.
        let db = try ledger("omgekeerd", [Self.juniAfwijzing, Self.juni, Self.maartRetour, Self.maart])
        // On 15 June the shortening was known and its rejection (made on 20 June) not yet.
        let juni = try #require(try toewijzing(db, ["--bekend-op", "2025-06-15"]))
        #expect(juni["einddatum"] as? String == "2025-06-30" && juni["positie"] as? Int == 2)
        // From 20 June on the rejected change counts as never sent: the March version again.
        for opties in [["--bekend-op", "2025-06-20"], []] {
            let rij = try #require(try toewijzing(db, opties))
            #expect(rij["einddatum"] as? String == "2025-12-31", "\(opties)")
            #expect(rij["positie"] as? Int == 4 && rij["bekendSinds"] as? String == "2025-03-01", "\(opties)")
        }
        let maart = try #require(try toewijzing(db, ["--bekend-op", "2025-03-31"]))
        #expect(maart["positie"] as? Int == 4)
        // Both flags: the log up to position 2 as known on 15 June holds the June 301 alone.
        let beide = try #require(try toewijzing(db, ["--bekend-op", "2025-06-15", "--tot-positie", "2"]))
        #expect(beide["positie"] as? Int == 2)
    }

    @Test func trajectSaysWhenAVersionBecameKnownAndWhatItReplaced() throws {
        let db = try ledger("traject", [Self.maart, Self.maartRetour, Self.juni])
        let run = try work.run(["--db", db, "traject", "--toewijzing", "1001", "--gemeente", "0384", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let regels = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [[String: Any]])
        let juni = try #require(regels.first { $0["positie"] as? Int == 3 })
        let detail = try #require((juni["details"] as? [[String: Any]])?.first)
        #expect(detail["bekendSinds"] as? String == "2025-06-10" && detail["positie"] as? Int == 3)
        #expect(detail["vervangtToewijzingsdatum"] as? String == "2025-03-01")
        #expect(detail["vervangtToewijzingstijd"] as? String == "12:00:00" && detail["vervangtPositie"] as? Int == 1)
        #expect((juni["omschrijving"] as? String)?.contains("vervangt de versie van 2025-03-01 12:00:00") == true)
        let maart = try #require(regels.first { $0["positie"] as? Int == 1 })
        let eerste = try #require((maart["details"] as? [[String: Any]])?.first)
        #expect(eerste["vervangtPositie"] is NSNull && eerste["bekendSinds"] as? String == "2025-03-01")

        let toen = try work.run(
            ["--db", db, "traject", "--toewijzing", "1001", "--format", "json", "--bekend-op", "2025-05-01"])
        let toenRegels = try #require(try JSONSerialization.jsonObject(with: Data(toen.stdout)) as? [[String: Any]])
        #expect(toenRegels.compactMap { $0["positie"] as? Int }.sorted() == [1, 2])
    }
}
