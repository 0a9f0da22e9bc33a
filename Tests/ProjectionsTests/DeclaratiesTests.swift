import Uitwisseling
import Declaraties
import TestSupport
import Testing

/// Report §8.5: prestaties, the 325 that judges them, credit and re-debet.
///
/// The example 323 uses RN004 twice (16 and 14 uur, TR314): both lines are kept.
@Suite struct DeclaratiesTests {
    static let declaratie = Voorbeeld.bericht("323")
    static let antwoord = Voorbeeld.bericht("325")

    /// DN002: RN011–RN013 re-debet the lines RN001–RN003; both RN004 lines become RN014 naming
    /// RN004, the 14-uur one as a credit: an exact copy of the 14-uur RN004, not of the 16-uur one.
    static let correctie = Voorbeeld.bericht("323", [
        Voorbeeld.identificatie("765432198", "D2"), ("DN001", "DN002"), (">RN001<", ">RN011<"),
        (">RN002<", ">RN012<"), (">RN003<", ">RN013<"),
        ("<ijw:ReferentieNummer>RN004</ijw:ReferentieNummer>",
         "<ijw:ReferentieNummer>RN014</ijw:ReferentieNummer><ijw:VorigReferentieNummer>RN004</ijw:VorigReferentieNummer>"),
        ("<ijw:Bedrag>21000</ijw:Bedrag>\r\n\t\t\t\t\t\t\t<ijw:DebetCredit>D</ijw:DebetCredit>",
         "<ijw:Bedrag>21000</ijw:Bedrag>\r\n\t\t\t\t\t\t\t<ijw:DebetCredit>C</ijw:DebetCredit>"),
    ])

    /// The 325 of DN002, rejecting RN012, RN013 and the credit RN014.
    static let correctieAntwoord = Voorbeeld.bericht("325", [
        ("<ijw:Identificatie>765432198</ijw:Identificatie>", "<ijw:Identificatie>D2</ijw:Identificatie>"),
        Voorbeeld.identificatie("654321987", "A2"), ("DN001", "DN002"), (">RN001<", ">RN014<"), (">RT001<", ">RN004<"),
        (">RN002<", ">RN012<"), (">RN003<", ">RN013<"),
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
        #expect(Self.status(rijen) == ["RN001": ["afgewezen"], "RN002": ["afgewezen"], "RN003": ["afgewezen"],
                                       "RN004": ["toegekend", "toegekend"]])
        #expect(rijen.first { $0.referentieNummer == "RN002" }?.retourCodes == ["9339", "9340", "9341"])
        #expect(rijen.filter { $0.referentieNummer == "RN004" }.map(\.bedrag) == [24000, 21000])
        #expect(rijen.first { $0.referentieNummer == "RN004" }?.retourCodes == [])
        #expect(try ledger.declaraties(openstaand: true).isEmpty)
    }

    @Test func creditAndReDebet() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.declaratie, Self.antwoord, Self.correctie])
        var rijen = try ledger.declaraties()
        #expect(Self.status(rijen)["RN004"] == ["toegekend", "gecrediteerd"], "only the 14-uur line is copied")
        #expect(Self.status(rijen)["RN014"] == ["ingediend", "ingediend"])
        #expect(rijen.filter { $0.referentieNummer == "RN014" }.map(\.bedrag) == [24000, -21000])
        try ledger.ingest([Self.correctieAntwoord])
        rijen = try ledger.declaraties()
        // The 325 names RN014 once; it answers both lines of DN002 with that number.
        #expect(Self.status(rijen) == [
            "RN001": ["afgewezen"], "RN002": ["afgewezen"], "RN003": ["afgewezen"],
            "RN004": ["toegekend", "toegekend"], "RN011": ["toegekend"], "RN012": ["afgewezen"],
            "RN013": ["afgewezen"], "RN014": ["afgewezen", "afgewezen"],
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
