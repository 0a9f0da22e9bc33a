import Uitwisseling
import Declaraties
import TestSupport
import Testing

/// Report §8.5: prestaties, the 325 that judges them, credit and re-debet.
@Suite struct DeclaratiesTests {
    static let declaratie = Voorbeeld.bericht("323")
    static let antwoord = Voorbeeld.bericht("325")

    /// SV202604: P-0311–P-0313 and P-0315 re-debet the lines P-0301–P-0303 and P-0305, P-0314 credits P-0304.
    static let correctie = Voorbeeld.bericht("323", [
        Voorbeeld.identificatie("AGB-D-000088", "D2"), ("SV202603", "SV202604"), (">P-0301<", ">P-0311<"),
        (">P-0302<", ">P-0312<"), (">P-0303<", ">P-0313<"), (">P-0305<", ">P-0315<"),
        ("<ijw:ReferentieNummer>P-0304</ijw:ReferentieNummer>",
         "<ijw:ReferentieNummer>P-0314</ijw:ReferentieNummer><ijw:VorigReferentieNummer>P-0304</ijw:VorigReferentieNummer>"),
        ("<ijw:Bedrag>69000</ijw:Bedrag>\n\t\t\t\t\t\t\t<ijw:DebetCredit>D</ijw:DebetCredit>",
         "<ijw:Bedrag>69000</ijw:Bedrag>\n\t\t\t\t\t\t\t<ijw:DebetCredit>C</ijw:DebetCredit>"),
    ])

    /// The 325 of SV202604, rejecting P-0312 and P-0313 again.
    static let correctieAntwoord = Voorbeeld.bericht("325", [
        ("<ijw:Identificatie>AGB-D-000088</ijw:Identificatie>", "<ijw:Identificatie>D2</ijw:Identificatie>"),
        Voorbeeld.identificatie("GM0518A00325", "A2"), ("SV202603", "SV202604"), (">P-0302<", ">P-0312<"),
        (">P-0303<", ">P-0313<"),
    ])

    /// Per ReferentieNummer the statuses of its lines, in their order in the 323.
    static func status(_ rijen: [PrestatieRij]) -> [String: [String]] {
        Dictionary(grouping: rijen, by: \.referentieNummer).mapValues { $0.map(\.status) }
    }

    @Test func a325RejectsSomePrestaties() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.declaratie])
        #expect(try ledger.declaraties(openstaand: true).count == 5)
        try ledger.ingest([Self.antwoord])
        let rijen = try ledger.declaraties()
        #expect(Self.status(rijen) == ["P-0301": ["toegekend"], "P-0302": ["afgewezen"], "P-0303": ["afgewezen"],
                                       "P-0304": ["toegekend"], "P-0305": ["toegekend"]])
        #expect(rijen.first { $0.referentieNummer == "P-0302" }?.retourCodes == ["0611"])
        #expect(rijen.first { $0.referentieNummer == "P-0303" }?.retourCodes == ["9338"])
        #expect(rijen.first { $0.referentieNummer == "P-0304" }?.retourCodes == [])
        #expect(try ledger.declaraties(openstaand: true).isEmpty)
    }

    @Test func creditAndReDebet() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.declaratie, Self.antwoord, Self.correctie])
        var rijen = try ledger.declaraties()
        #expect(Self.status(rijen)["P-0304"] == ["gecrediteerd"])
        #expect(Self.status(rijen)["P-0314"] == ["ingediend"])
        #expect(rijen.first { $0.referentieNummer == "P-0314" }?.bedrag == -69000)
        try ledger.ingest([Self.correctieAntwoord])
        rijen = try ledger.declaraties()
        #expect(Self.status(rijen) == [
            "P-0301": ["toegekend"], "P-0302": ["afgewezen"], "P-0303": ["afgewezen"], "P-0304": ["gecrediteerd"],
            "P-0305": ["toegekend"], "P-0311": ["toegekend"], "P-0312": ["afgewezen"], "P-0313": ["afgewezen"],
            "P-0314": ["toegekend"], "P-0315": ["toegekend"],
        ])
    }

    @Test func a325ThatRejectsTheDeclaratieRejectsEveryPrestatie() throws {
        let ledger = try TestLedger()
        let afwijzing = Voorbeeld.bericht("325", [("<jw325:RetourCode>0200</jw325:RetourCode>",
                                                   "<jw325:RetourCode>0001</jw325:RetourCode>")])
        try ledger.ingest([afwijzing, Self.declaratie])
        let rijen = try ledger.declaraties()
        #expect(rijen.allSatisfy { $0.status == "afgewezen" && $0.retourCodes.contains("0001") })
        #expect(try ledger.berichten().first { $0.berichttype == "323" }?.status == "afgewezen")
    }
}
