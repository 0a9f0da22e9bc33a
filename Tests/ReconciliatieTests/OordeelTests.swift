import Berichten
import Projection
import Reconciliatie
import TestSupport
import Testing

/// The exchange state that never guesses (an unreadable retour answers nothing, TR074 for a key
/// delivered twice) and the gemeente's verdict beside ours (gemeenteOordeel, `--vergelijk`).
@Suite struct OordeelTests {
    // MARK: An unreadable retour answers nothing

    /// 301 of Monday 2025-03-03: its retour was due on Thursday 2025-03-06.
    @Test func op090KeepsRunningForAHeenberichtWithAnUnreadableRetour() throws {
        let heen = Bouw.toewijzing(dagtekening: "2025-03-03", [Bouw.product(1001)])
        let ledger = try TestLedger()
        try ledger.ingest([heen])
        try ledger.ingestHeaderOnly([Bouw.onleesbaar(Bouw.toewijzingRetour(dagtekening: "2025-03-03", op: "2025-03-04"))])
        let signaal = try ledger.constateringen(peildatum: "2025-03-07", regel: "OP090")
        #expect(signaal.map(\.posities) == [[1]])
        #expect(signaal.first?.toelichting.hasPrefix("Geen retour") == true)
        // The same retour readable and in time: no finding.
        let leesbaar = try TestLedger()
        try leesbaar.ingest([heen, Bouw.toewijzingRetour(dagtekening: "2025-03-03", op: "2025-03-04")])
        #expect(try leesbaar.constateringen(peildatum: "2025-03-07", regel: "OP090").isEmpty)
    }

    /// A readable rejection of the 301 unsends it (TR338); the same retour unreadable rejects
    /// nothing: the 301 is unanswered, and an unanswered 301 counts (cli.md).
    @Test func anUnreadableRejectionRejectsNothing() throws {
        let afwijzing = Bouw.toewijzingRetour(op: "2025-03-02", codes: ["8848"])
        let afgewezen = try RegelTests.gevonden(
            "TR338", [RegelTests.toewijzing, afwijzing, Bouw.declaratie([Bouw.prestatie("RN1")])])
        #expect(afgewezen.count == 1)
        let ledger = try TestLedger()
        try ledger.ingest([RegelTests.toewijzing, Bouw.declaratie([Bouw.prestatie("RN1")])])
        try ledger.ingestHeaderOnly([Bouw.onleesbaar(afwijzing)])
        #expect(try ledger.constateringen(regel: "TR338").isEmpty)
    }

    // MARK: TR074

    @Test func tr074AStartDeliveredTwice() throws {
        let toewijzing = RegelTests.toewijzing
        let eerste = Bouw.start(id: "S1", dagtekening: "2025-03-04", begindatum: "2025-03-03")
        let nogmaals = Bouw.start(id: "S2", dagtekening: "2025-03-05", begindatum: "2025-03-03")
        let fout = try RegelTests.gevonden("TR074", [toewijzing, eerste, nogmaals])
        #expect(fout.count == 1 && fout.first?.ernst == .fout && fout.first?.toewijzingNummer == 1001)
        #expect(fout.first?.posities == [3, 2] && fout.first?.gemeenteOordeel == nil)
        // Deleted, then delivered again (IV008): no duplicate.
        let verwijderd = Bouw.start(id: "S3", dagtekening: "2025-03-05", begindatum: "2025-03-03", status: "3")
        let opnieuw = Bouw.start(id: "S4", dagtekening: "2025-03-06", begindatum: "2025-03-03")
        #expect(try RegelTests.gevonden("TR074", [toewijzing, eerste, verwijderd, opnieuw]).isEmpty)
        // Sent twice, then deleted once: the key is gone, nothing stands twice (and nothing runs).
        let daarnaVerwijderd = Bouw.start(id: "S3", dagtekening: "2025-03-06", begindatum: "2025-03-03", status: "3")
        #expect(try RegelTests.gevonden("TR074", [toewijzing, eerste, nogmaals, daarnaVerwijderd]).isEmpty)
        #expect(try RegelTests.gevonden("OP364", [toewijzing, eerste, nogmaals, daarnaVerwijderd,
                                                  Bouw.declaratie([Bouw.prestatie("RN1")])]).count == 1)
    }

    @Test func tr074AStopDeliveredTwice() throws {
        let basis = [RegelTests.toewijzing, Bouw.start(dagtekening: "2025-03-04", begindatum: "2025-03-03")]
        let stop = Bouw.stop(id: "E1", dagtekening: "2025-04-01", begindatum: "2025-03-03", einddatum: "2025-03-31")
        let nogmaals = Bouw.stop(id: "E2", dagtekening: "2025-04-02", begindatum: "2025-03-03", einddatum: "2025-03-31")
        #expect(try RegelTests.gevonden("TR074", basis + [stop, nogmaals]).map(\.posities) == [[4, 3]])
        let andereDatum = Bouw.stop(id: "E2", dagtekening: "2025-04-02", begindatum: "2025-03-03", einddatum: "2025-03-30")
        #expect(try RegelTests.gevonden("TR074", basis + [stop, andereDatum]).isEmpty)
    }

    // MARK: gemeenteOordeel

    /// RN1 over-declares April (21 uur of 20): TR321, whatever the gemeente decided.
    static let teVeel = Bouw.declaratie([Bouw.prestatie("RN1", volume: 21)])

    @Test func everyFindingAboutAPrestatieCarriesTheGemeentesVerdict() throws {
        let basis = [RegelTests.toewijzing, Self.teVeel]
        let open = try RegelTests.gevonden("TR321", basis)
        #expect(open.map(\.gemeenteOordeel) == [.open] && open.first?.gemeenteRetourCodes == [])
        let toegekend = try RegelTests.gevonden("TR321", basis + [Bouw.antwoord()])
        #expect(toegekend.map(\.gemeenteOordeel) == [.toegekend] && toegekend.first?.gemeenteRetourCodes == [])
        let afgewezen = try RegelTests.gevonden("TR321", basis + [Bouw.antwoord(afgewezen: ["RN1"], code: "9321")])
        #expect(afgewezen.map(\.gemeenteOordeel) == [.afgewezen] && afgewezen.first?.gemeenteRetourCodes == ["9321"])
        // A finding not about a prestatie: no verdict.
        let termijn = try RegelTests.gevonden("OP090x4", basis, peildatum: "2025-05-21")
        #expect(termijn.count == 1 && termijn.first?.gemeenteOordeel == nil && termijn.first?.gemeenteRetourCodes == [])
    }

    // MARK: --vergelijk

    /// April RN1 (21 uur, TR321) rejected with 9321; May RN2 (clean) rejected with 0611; June RN3
    /// (25 uur of 24, TR321) approved; all at € 98,50 an hour.
    static let drieMaanden: [[UInt8]] = [
        RegelTests.toewijzing,
        Bouw.declaratie([
            Bouw.prestatie("RN1", volume: 21), Bouw.prestatie("RN2", begin: "2025-05-01", eind: "2025-05-31"),
            Bouw.prestatie("RN3", begin: "2025-06-01", eind: "2025-06-30", volume: 25),
        ]),
    ]

    static func vergelijking(_ berichten: [[UInt8]], regel: String? = nil) throws -> [Vergelijking] {
        let ledger = try TestLedger()
        try ledger.ingest(berichten)
        let connection = try ledger.connection
        return try Reconciliatie.vergelijking(
            Filter(peildatum: Datum("2025-12-31")!), regel: regel,
            grondslag: try Reconciliatie.grondslag(regelset: nil, contract: nil, in: connection), in: connection)
    }

    @Test func vergelijkingPerRuleWithLinesToDisputeAndATotal() throws {
        let rijen = try Self.vergelijking(Self.drieMaanden + [
            Bouw.antwoord(afgewezen: ["RN1"], code: "9321"), Bouw.antwoord(id: "A2", afgewezen: ["RN2"], code: "0611"),
        ])
        #expect(rijen.map(\.soort) == [.regel, .betwisten, .totaal])
        let tr321 = rijen[0]
        #expect(tr321.regel == "TR321" && tr321.gemeente == "0384" && tr321.aanbieder == "42420001")
        #expect(tr321.toegekend == .init(aantal: 1, bedrag: 25 * 9850))
        #expect(tr321.afgewezen == .init(aantal: 1, bedrag: 21 * 9850))
        #expect(tr321.open == .init() && tr321.betwist == .init() && tr321.overeenstemming == 0.5)
        let betwist = rijen[1]
        #expect(betwist.retourCode == "0611" && betwist.betwist == .init(aantal: 1, bedrag: 10 * 9850))
        #expect(betwist.overeenstemming == nil)
        let totaal = rijen[2]
        #expect(totaal.toegekend.aantal == 1 && totaal.afgewezen.aantal == 1 && totaal.betwist.aantal == 1)
        #expect(totaal.overeenstemming == 1.0 / 3.0)
    }

    @Test func vergelijkingWithoutA325CountsOpenAndNarrowsToARule() throws {
        let rijen = try Self.vergelijking(Self.drieMaanden)
        #expect(rijen.map(\.soort) == [.regel, .totaal])
        #expect(rijen[0].open == .init(aantal: 2, bedrag: 46 * 9850) && rijen[0].overeenstemming == nil)
        // A rule without findings leaves only the (empty) total; the lines to dispute belong to no rule.
        let tr418 = try Self.vergelijking(Self.drieMaanden + [Bouw.antwoord(afgewezen: ["RN2"])], regel: "TR418")
        #expect(tr418.map(\.soort) == [.totaal] && tr418[0].betwist.aantal == 0)
    }
}
