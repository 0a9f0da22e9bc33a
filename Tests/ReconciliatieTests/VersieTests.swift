import Reconciliatie
import TestSupport
import Testing

/// Prestaties judged against the toewijzing version known on their 323's dagtekening, and later
/// changes by the gemeente judged on the 301 that makes them (issue 11, item 2).
///
/// The base: toewijzing 1001 (45/45A03, 4 uur per week, 2025-01-01 t/m 2025-12-31) in a 301 of
/// 2025-01-06; prestatie RN1 for February (16 uur; February touches ISO weeks 5–9, so 20 are
/// allowed) in a 323 of 2025-03-05, approved by a 325 of 2025-03-07. In June the gemeente
/// changes the toewijzing with a 301 of 2025-06-10.
@Suite struct VersieTests {
    static let basis: [[UInt8]] = [
        Bouw.toewijzing(id: "T1", dagtekening: "2025-01-06", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", datum: "2025-01-06"),
        ]),
        februari(),
        Bouw.antwoord(declaratieDagtekening: "2025-03-05", dagtekening: "2025-03-07"),
    ]

    static func februari(volume: Int = 16) -> [UInt8] {
        Bouw.declaratie(dagtekening: "2025-03-05", [
            Bouw.prestatie("RN1", begin: "2025-02-01", eind: "2025-02-28", volume: volume),
        ])
    }

    /// The June 301 with toewijzing 1001 changed as given.
    static func juni(
        eind: String? = "2025-12-31", volume: Int? = 4, frequentie: String = "2", reden: String? = "05",
        dagtekening: String = "2025-06-10"
    ) -> [UInt8] {
        Bouw.toewijzing(id: "T2", dagtekening: dagtekening, [
            Bouw.product(
                1001, ingang: "2025-01-01", eind: eind, volume: volume, frequentie: frequentie, reden: reden,
                datum: dagtekening),
        ])
    }

    static let peildata = ["2025-03-31", "2025-06-30", "2025-12-31", "2026-06-01"]

    static let wijzigingsregels: Set = ["TR385", "OP186", "UP031", "IV066"]

    /// The rule codes found on RN1, and the change rules found on the June 301 (position 4), at
    /// `peildatum`; a 301 dated after the peildatum is not judged yet.
    static func regels(_ berichten: [[UInt8]], peildatum: String) throws -> (prestatie: Set<String>, juni: Set<String>) {
        let ledger = try TestLedger()
        try ledger.ingest(berichten)
        let gevonden = try ledger.constateringen(peildatum: peildatum)
        return (Set(gevonden.filter { $0.referentieNummer == "RN1" }.map(\.regel)),
                Set(gevonden.filter { $0.posities.first == 4 }.map(\.regel)).intersection(wijzigingsregels))
    }

    // MARK: The February/March/June scenarios

    @Test func aJuneShorteningLeavesTheFebruaryPrestatieAloneAndIsOp186() throws {
        for peildatum in Self.peildata {
            let (prestatie, juni) = try Self.regels(Self.basis + [Self.juni(eind: "2025-02-15")], peildatum: peildatum)
            #expect(prestatie.isDisjoint(with: ["TR308", "TR384", "TR321", "TR388"]), "peildatum \(peildatum)")
            #expect(juni == (peildatum < "2025-06-10" ? [] : ["OP186"]), "peildatum \(peildatum)")
        }
        let signaal = try RegelTests.gevonden("OP186", Self.basis + [Self.juni(eind: "2025-02-15")])
        #expect(signaal.count == 1 && signaal[0].ernst == .signaal && signaal[0].posities == [4, 1, 2])
        #expect(signaal[0].toelichting.contains("vervroegd naar 2025-02-15 (was 2025-12-31) op 2025-06-10"))
        #expect(signaal[0].toelichting.contains("gedeclareerd t/m 2025-02-28"))
    }

    @Test func aJuneDeletionLeavesTheFebruaryPrestatieAloneAndIsTr385() throws {
        let verwijderd = Self.juni(eind: "2025-01-01", reden: "13")
        for peildatum in Self.peildata {
            let (prestatie, juni) = try Self.regels(Self.basis + [verwijderd], peildatum: peildatum)
            #expect(prestatie.isDisjoint(with: ["TR308", "TR384", "TR321", "TR338"]), "peildatum \(peildatum)")
            #expect(juni == (peildatum < "2025-06-10" ? [] : ["TR385"]), "peildatum \(peildatum)")
        }
        let fout = try RegelTests.gevonden("TR385", Self.basis + [verwijderd])
        #expect(fout.count == 1 && fout[0].ernst == .fout && fout[0].bedrag == 16 * 9850 && fout[0].posities == [4, 2])
        #expect(fout[0].toewijzingNummer == 1001 && fout[0].referentieNummer == nil)
    }

    @Test func aJuneVolumeChangeInPlaceLeavesTheFebruaryPrestatieAloneAndIsIv066() throws {
        let minder = Self.juni(volume: 2)
        for peildatum in Self.peildata {
            let (prestatie, juni) = try Self.regels(Self.basis + [minder], peildatum: peildatum)
            #expect(!prestatie.contains("TR321"), "peildatum \(peildatum)")
            #expect(juni == (peildatum < "2025-06-10" ? [] : ["IV066"]), "peildatum \(peildatum)")
        }
        let fout = try RegelTests.gevonden("IV066", Self.basis + [minder])
        #expect(fout.count == 1 && fout[0].ernst == .fout && fout[0].posities == [4, 1])
        #expect(fout[0].toelichting.contains("van 4 (eenheid 04, frequentie 2) naar 2 (eenheid 04, frequentie 2)"))
    }

    /// A prestatie declared after the change is judged against it: the June version applies.
    @Test func aPrestatieDeclaredAfterTheChangeIsJudgedAgainstIt() throws {
        let juli = Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-07-03", [
            Bouw.prestatie("RN2", begin: "2025-06-01", eind: "2025-06-30", volume: 16),
        ])
        #expect(try RegelTests.gevonden("TR321", Self.basis + [Self.juni(volume: 2), juli]).map(\.referentieNummer)
            == ["RN2"])
        let verwijderd = Self.juni(eind: "2025-01-01", reden: "13")
        #expect(try RegelTests.gevonden("TR384", Self.basis + [verwijderd, juli]).map(\.referentieNummer) == ["RN2"])
        // Declared on the day of the change: the change was known.
        let zelfdeDag = Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-06-10", [
            Bouw.prestatie("RN2", begin: "2025-05-01", eind: "2025-05-31", volume: 16),
        ])
        #expect(try RegelTests.gevonden("TR321", Self.basis + [Self.juni(volume: 2), zelfdeDag]).map(\.referentieNummer)
            == ["RN2"])
    }

    // MARK: No version known yet

    @Test func tr338WhenTheToewijzingBecameKnownOnlyAfterTheDeclaratie() throws {
        let laat = Bouw.toewijzing(id: "T1", dagtekening: "2025-03-10", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", datum: "2025-03-10"),
        ])
        let fout = try RegelTests.gevonden("TR338", [laat, Self.februari()])
        #expect(fout.map(\.referentieNummer) == ["RN1"] && fout[0].posities == [2, 1])
        #expect(fout[0].toelichting.contains("was op 2025-03-05 nog niet bekend (eerste 301 van 2025-03-10)"))
        let opTijd = Bouw.toewijzing(id: "T1", dagtekening: "2025-03-05", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", datum: "2025-03-05"),
        ])
        #expect(try RegelTests.gevonden("TR338", [opTijd, Self.februari()]).isEmpty)
    }

    /// A version with a later Toewijzingsdatum that arrived before the 323 wins over one that was
    /// known earlier: the standard's order decides among the versions known (IV013).
    @Test func amongTheKnownVersionsTheLatestToewijzingsdatumWins() throws {
        let ruim = Bouw.toewijzing(id: "T0", dagtekening: "2025-01-06", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", volume: 10, datum: "2025-01-06"),
        ])
        let krap = Bouw.toewijzing(id: "T1", dagtekening: "2025-02-03", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", volume: 2, reden: "14", datum: "2025-02-03"),
        ])
        #expect(try RegelTests.gevonden("TR321", [ruim, krap, Self.februari()]).map(\.referentieNummer) == ["RN1"])
        #expect(try RegelTests.gevonden("TR321", [ruim, Self.februari()]).isEmpty)
    }

    // MARK: The rules on the 301 that changes, each with a near miss

    @Test func tr385NotWhenCreditedOrNotYetApprovedBeforeTheDeletion() throws {
        let verwijderd = Self.juni(eind: "2025-01-01", reden: "13")
        let credit = Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-05-06", [
            Bouw.prestatie("RN1C", vorig: "RN1", begin: "2025-02-01", eind: "2025-02-28", volume: 16, credit: true),
        ])
        #expect(try RegelTests.gevonden("TR385", Self.basis + [credit, verwijderd]).isEmpty)
        // A credit after the deletion does not make the deletion right.
        let laterCredit = Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-07-01", [
            Bouw.prestatie("RN1C", vorig: "RN1", begin: "2025-02-01", eind: "2025-02-28", volume: 16, credit: true),
        ])
        #expect(try RegelTests.gevonden("TR385", Self.basis + [laterCredit, verwijderd]).count == 1)
        // Approved only after the deletion: nothing approved stood on the toewijzing then.
        let laatAntwoord = Bouw.antwoord(declaratieDagtekening: "2025-03-05", dagtekening: "2025-06-12")
        #expect(try RegelTests.gevonden("TR385", [Self.basis[0], Self.februari(), laatAntwoord, verwijderd]).isEmpty)
        // Rejected prestaties do not stand either.
        let afgewezen = Bouw.antwoord(declaratieDagtekening: "2025-03-05", dagtekening: "2025-03-07", afgewezen: ["RN1"])
        #expect(try RegelTests.gevonden("TR385", [Self.basis[0], Self.februari(), afgewezen, verwijderd]).isEmpty)
    }

    @Test func op186NotWhenTheCareEndsBeforeTheNewEinddatum() throws {
        #expect(try RegelTests.gevonden("OP186", Self.basis + [Self.juni(eind: "2025-02-28")]).isEmpty)
        #expect(try RegelTests.gevonden("OP186", Self.basis + [Self.juni(eind: "2025-02-27")]).count == 1)
        // Lengthening is no withdrawal.
        #expect(try RegelTests.gevonden("OP186", [Self.basis[0], Self.juni(eind: "2026-06-30", reden: "04")]).isEmpty)
    }

    /// Delivered care: a start of 2025-01-06; without a stop it runs at least until the 301.
    @Test func op186OnDeliveredCare() throws {
        let start = Bouw.start(id: "S1", dagtekening: "2025-01-08", begindatum: "2025-01-06")
        let intrekking = Self.juni(eind: "2025-03-31")
        let signaal = try RegelTests.gevonden("OP186", [Self.basis[0], start, intrekking])
        #expect(signaal.count == 1 && signaal[0].toelichting.contains("geleverd t/m 2025-06-10"))
        let stop = Bouw.stop(id: "E1", dagtekening: "2025-04-02", begindatum: "2025-01-06", einddatum: "2025-03-31")
        #expect(try RegelTests.gevonden("OP186", [Self.basis[0], start, stop, intrekking]).isEmpty)
        let laterStop = Bouw.stop(id: "E1", dagtekening: "2025-04-17", begindatum: "2025-01-06", einddatum: "2025-04-15")
        #expect(try RegelTests.gevonden("OP186", [Self.basis[0], start, laterStop, intrekking])
            .first?.toelichting.contains("geleverd t/m 2025-04-15") == true)
    }

    /// UP031: an einddatum moved before care declared ahead, but not into the past.
    @Test func up031WhenTheNewEinddatumIsNotInThePast() throws {
        let vooruit = Bouw.declaratie(dagtekening: "2025-02-10", [
            Bouw.prestatie("RN1", begin: "2025-02-01", eind: "2025-02-28", volume: 16),
        ])
        let intrekking = Self.juni(eind: "2025-02-25", dagtekening: "2025-02-20")
        let signaal = try RegelTests.gevonden("UP031", [Self.basis[0], vooruit, intrekking])
        #expect(signaal.count == 1 && signaal[0].ernst == .signaal && signaal[0].posities.first == 3)
        #expect(try RegelTests.gevonden("OP186", [Self.basis[0], vooruit, intrekking]).isEmpty)
        // Declared after the 301: the prestatie itself is judged against the shorter version (TR308).
        let erna = Bouw.declaratie(dagtekening: "2025-02-21", [
            Bouw.prestatie("RN1", begin: "2025-02-01", eind: "2025-02-28", volume: 16),
        ])
        #expect(try RegelTests.gevonden("UP031", [Self.basis[0], intrekking, erna]).isEmpty)
        #expect(try RegelTests.gevonden("TR308", [Self.basis[0], intrekking, erna]).count == 1)
    }

    @Test func iv066NotForTheVolumeOfFrequentie6() throws {
        let totaal = Bouw.toewijzing(id: "T1", dagtekening: "2025-01-06", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", volume: 100, frequentie: "6", datum: "2025-01-06"),
        ])
        #expect(try RegelTests.gevonden("IV066", [totaal, Self.juni(volume: 80, frequentie: "6")]).isEmpty)
        #expect(try RegelTests.gevonden("IV066", [totaal, Self.juni(volume: 100, frequentie: "2")]).count == 1)
        // An einddatum change keeps the Omvang.
        #expect(try RegelTests.gevonden("IV066", [Self.basis[0], Self.juni(eind: "2026-06-30", reden: "04")]).isEmpty)
        // Re-sent unchanged: no change at all.
        #expect(try RegelTests.gevonden("IV066", [Self.basis[0], Self.juni(reden: nil)]).isEmpty)
    }

    /// TR322 with a total lowered in June (Frequentie 6, in place): February is held to the 30 it
    /// was declared under, a July prestatie to the 10 in force then.
    @Test func tr322HoldsEachPrestatieToTheTotalInForceWhenDeclared() throws {
        let totaal = Bouw.toewijzing(id: "T1", dagtekening: "2025-01-06", [
            Bouw.product(1001, ingang: "2025-01-01", eind: "2025-12-31", volume: 30, frequentie: "6", datum: "2025-01-06"),
        ])
        let lager = Self.juni(volume: 10, frequentie: "6", reden: "14")
        let basis = [totaal, Self.februari(), Self.basis[2], lager]
        #expect(try RegelTests.gevonden("TR322", basis).isEmpty)
        let juli = Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-07-03", [
            Bouw.prestatie("RN2", begin: "2025-06-01", eind: "2025-06-30", volume: 1),
        ])
        #expect(try RegelTests.gevonden("TR322", basis + [juli]).map(\.referentieNummer) == ["RN2"])
    }

    // MARK: Arrival order

    /// The same messages in reverse order give the same findings, positions mapped to the messages.
    @Test func theOrderOfArrivalDoesNotMatter() throws {
        let start = Bouw.start(id: "S1", dagtekening: "2025-01-08", begindatum: "2025-01-06")
        let juli = Bouw.declaratie(id: "D2", nummer: "DN2", dagtekening: "2025-07-03", [
            Bouw.prestatie("RN2", begin: "2025-06-01", eind: "2025-06-30", volume: 16),
        ])
        let berichten = Self.basis + [start, Self.juni(eind: "2025-05-31", volume: 2), juli]
        func gevonden(_ volgorde: [Int]) throws -> Set<String> {
            let ledger = try TestLedger()
            try ledger.ingest(volgorde.map { berichten[$0] })
            return Set(try ledger.constateringen(peildatum: "2025-12-31").map { c in
                let m = c.posities.map { volgorde[Int($0) - 1] }
                let bericht = ([m[0]] + m.dropFirst().sorted()).map(String.init).joined(separator: " ")
                return [c.regel, c.referentieNummer ?? "", c.toelichting, bericht].joined(separator: "|")
            })
        }
        let heen = try gevonden(Array(berichten.indices))
        #expect(heen.contains { $0.hasPrefix("OP186|") } && heen.contains { $0.hasPrefix("IV066|") })
        #expect(heen.contains { $0.hasPrefix("TR321|RN2|") } && !heen.contains { $0.hasPrefix("TR321|RN1|") })
        #expect(try gevonden(berichten.indices.reversed()) == heen)
        #expect(try gevonden([4, 2, 0, 5, 1, 3]) == heen)
    }
}
