import Berichten
import Declaraties
import Projection
import Reconciliatie
import TestSupport
import Testing

/// IV091, TR389 on a rejected second debet and TR314, with the base of ``RegelTests``: the
/// declaraties view and reconcile must tell the same story about which debet still stands.
@Suite struct CreditEnReferentieTests {
    /// A 323 of 2025-05-20 (after the 325 of the first one) with these prestaties.
    static func tweede(_ prestaties: String...) -> [UInt8] {
        Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-05-20", prestaties)
    }

    /// Toewijzing 1001, RN1 of 16 uur in April, approved by the 325 of DN1.
    static let goedgekeurd = [
        RegelTests.toewijzing, RegelTests.declaratie(Bouw.prestatie("RN1", volume: 16)), Bouw.antwoord(),
    ]

    static func ledger(_ berichten: [[UInt8]]) throws -> TestLedger {
        let ledger = try TestLedger()
        try ledger.ingest(berichten)
        return ledger
    }

    static func status(_ ledger: TestLedger) throws -> [String: [String]] {
        let rijen = try Declaraties.rijen(Filter(peildatum: Datum("2026-06-01")!), in: ledger.connection)
        return Dictionary(grouping: rijen, by: \.referentieNummer).mapValues { $0.map(\.status) }
    }

    /// A 2-uur credit of the 16-uur RN1 is no copy: a finding on the credit, and RN1 stands, so
    /// the re-debet RN2 of the same month is a second debet (TR389).
    @Test func iv091ACreditThatIsNoExactCopyLeavesTheDebetStanding() throws {
        let deels = try Self.ledger(Self.goedgekeurd + [
            Self.tweede(Bouw.prestatie("RN1C", vorig: "RN1", volume: 2, credit: true), Bouw.prestatie("RN2", volume: 14)),
        ])
        let iv091 = try deels.constateringen(regel: "IV091")
        #expect(iv091.map(\.referentieNummer) == ["RN1C"] && iv091.first?.ernst == .fout)
        #expect(iv091.first?.bedrag == -19_700 && iv091.first?.posities.count == 3)
        #expect(iv091.first?.toelichting.contains("volume 2 i.p.v. 16") == true)
        #expect(try deels.constateringen(regel: "TR323").isEmpty, "it names an approved debet")
        #expect(try Self.status(deels)["RN1"] == ["toegekend"])
        #expect(try deels.constateringen(regel: "TR389").map(\.referentieNummer) == ["RN2"])

        let kopie = try Self.ledger(Self.goedgekeurd + [
            Self.tweede(Bouw.prestatie("RN1C", vorig: "RN1", volume: 16, credit: true), Bouw.prestatie("RN2", volume: 14)),
        ])
        #expect(try kopie.constateringen(regel: "IV091").isEmpty)
        #expect(try Self.status(kopie)["RN1"] == ["gecrediteerd"])
        #expect(try kopie.constateringen(regel: "TR389").isEmpty)
    }

    /// Another tariff or period is no copy either; a credit that repeats the debet's own
    /// ReferentieNummer is none by definition.
    @Test func iv091EveryFieldCounts() throws {
        for credit in [
            Bouw.prestatie("RN1C", vorig: "RN1", volume: 16, tarief: 9800, credit: true),
            Bouw.prestatie("RN1C", vorig: "RN1", begin: "2025-04-02", volume: 16, credit: true),
        ] {
            let ledger = try Self.ledger(Self.goedgekeurd + [Self.tweede(credit)])
            #expect(try ledger.constateringen(regel: "IV091").map(\.referentieNummer) == ["RN1C"])
            #expect(try Self.status(ledger)["RN1"] == ["toegekend"])
        }
    }

    /// The budget counts a debet whose credit is no copy: RN1 (€ 1.576) and RN2 (€ 1.379) exceed
    /// € 2.000 together; with an exact credit RN1 no longer counts.
    @Test func tr369CountsADebetThatStillStands() throws {
        let budget = Bouw.toewijzing([Bouw.product(1001, code: nil, volume: nil, budget: 200_000)])
        let basis = [budget, RegelTests.declaratie(Bouw.prestatie("RN1", volume: 16)), Bouw.antwoord()]
        let deels = try Self.ledger(basis + [
            Self.tweede(Bouw.prestatie("RN1C", vorig: "RN1", volume: 2, credit: true), Bouw.prestatie("RN2", volume: 14)),
        ])
        #expect(try deels.constateringen(regel: "TR369").map(\.referentieNummer) == ["RN2"])
        let kopie = try Self.ledger(basis + [
            Self.tweede(Bouw.prestatie("RN1C", vorig: "RN1", volume: 16, credit: true), Bouw.prestatie("RN2", volume: 14)),
        ])
        #expect(try kopie.constateringen(regel: "TR369").isEmpty)
    }

    /// Two exact copies credit RN1 twice (TR390); a copy after a non-copy is the one credit.
    @Test func tr390CountsOnlyExactCopies() throws {
        let ledger = try Self.ledger(Self.goedgekeurd + [
            Self.tweede(Bouw.prestatie("RN1C", vorig: "RN1", volume: 2, credit: true)),
            Bouw.declaratie(id: "D3", nummer: "DN3", dagtekening: "2025-06-20", [
                Bouw.prestatie("RN1D", vorig: "RN1", volume: 16, credit: true),
            ]),
        ])
        #expect(try ledger.constateringen(regel: "TR390").isEmpty)
        #expect(try Self.status(ledger)["RN1"] == ["gecrediteerd"])
    }

    /// The gemeente rejected the second debet with 9389: the finding stands all the same. After
    /// a rejected first debet, nothing stands and the second one is the debet.
    @Test func tr389AlsoWhenTheSecondDebetWasRejected() throws {
        let tweede = Self.tweede(Bouw.prestatie("RN2"))
        let afgewezen = Bouw.antwoord(
            id: "A2", declaratie: "D2", nummer: "DN2", declaratieDagtekening: "2025-05-20", dagtekening: "2025-05-22",
            afgewezen: ["RN2"], code: "9389")
        let basis = [RegelTests.toewijzing, RegelTests.declaratie(Bouw.prestatie("RN1"))]
        let ledger = try Self.ledger(basis + [Bouw.antwoord(), tweede, afgewezen])
        #expect(try Self.status(ledger)["RN2"] == ["afgewezen"])
        #expect(try ledger.constateringen(regel: "TR389").map(\.referentieNummer) == ["RN2"])
        let eersteAfgewezen = try Self.ledger(basis + [Bouw.antwoord(afgewezen: ["RN1"]), tweede, afgewezen])
        #expect(try eersteAfgewezen.constateringen(regel: "TR389").isEmpty)
        // Within one 323 (TR416) likewise.
        let binnen = try Self.ledger([
            RegelTests.toewijzing, RegelTests.declaratie(Bouw.prestatie("RN1"), Bouw.prestatie("RN2")),
            Bouw.antwoord(afgewezen: ["RN2"], code: "9389"),
        ])
        #expect(try binnen.constateringen(regel: "TR416").map(\.referentieNummer) == ["RN2"])
    }

    /// RN1 for April and again for May, within one 323 or in a later one: the later line is
    /// TR314, whatever order the 323s arrived in, and both lines stay visible.
    @Test func tr314AReferentieNummerUsedTwice() throws {
        let mei = Bouw.prestatie("RN1", begin: "2025-05-01", eind: "2025-05-31")
        let binnen = try Self.ledger([RegelTests.toewijzing, RegelTests.declaratie(Bouw.prestatie("RN1"), mei)])
        let fout = try binnen.constateringen(regel: "TR314")
        #expect(fout.count == 1 && fout.first?.ernst == .fout && fout.first?.bedrag == 98_500)
        #expect(fout.first?.toelichting.contains("al gebruikt in declaratie DN1 (prestatie 1) (8021)") == true)
        #expect(try Self.status(binnen)["RN1"] == ["ingediend", "ingediend"])

        let later = Self.tweede(mei)
        for volgorde in [[RegelTests.toewijzing, RegelTests.declaratie(Bouw.prestatie("RN1")), later],
                         [later, RegelTests.declaratie(Bouw.prestatie("RN1")), RegelTests.toewijzing]] {
            let over = try Self.ledger(volgorde).constateringen(regel: "TR314")
            #expect(over.map(\.declaratieNummer) == ["DN2"])
        }
        let anders = try Self.ledger([RegelTests.toewijzing, RegelTests.declaratie(Bouw.prestatie("RN1")),
                                      Self.tweede(Bouw.prestatie("RN2", begin: "2025-05-01", eind: "2025-05-31"))])
        #expect(try anders.constateringen(regel: "TR314").isEmpty)
    }
}
