import Uitwisseling
import Declaraties
import TestSupport
import Testing

/// Report §8.5: prestaties, the 325 that judges them, credit and re-debet.
@Suite struct DeclaratiesTests {
    static let declaratie = Voorbeeld.bericht("323")
    static let antwoord = Voorbeeld.bericht("325")

    /// DN002: RN011–RN013 re-debet the lines RN001–RN003, RN014 credits RN004.
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

    static func status(_ rijen: [PrestatieRij]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: rijen.map { ($0.referentieNummer, $0.status) })
    }

    @Test func a325RejectsSomePrestaties() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.declaratie])
        #expect(try ledger.declaraties(openstaand: true).count == 4)
        try ledger.ingest([Self.antwoord])
        let rijen = try ledger.declaraties()
        #expect(Self.status(rijen) == ["RN001": "afgewezen", "RN002": "afgewezen", "RN003": "afgewezen",
                                       "RN004": "toegekend"])
        #expect(rijen.first { $0.referentieNummer == "RN002" }?.retourCodes == ["9339", "9340", "9341"])
        #expect(rijen.first { $0.referentieNummer == "RN004" }?.retourCodes == [])
        #expect(try ledger.declaraties(openstaand: true).isEmpty)
    }

    @Test func creditAndReDebet() throws {
        let ledger = try TestLedger()
        try ledger.ingest([Self.declaratie, Self.antwoord, Self.correctie])
        var rijen = try ledger.declaraties()
        #expect(Self.status(rijen)["RN004"] == "gecrediteerd")
        #expect(Self.status(rijen)["RN014"] == "ingediend")
        #expect(rijen.first { $0.referentieNummer == "RN014" }?.bedrag == -21000)
        try ledger.ingest([Self.correctieAntwoord])
        rijen = try ledger.declaraties()
        #expect(Self.status(rijen) == [
            "RN001": "afgewezen", "RN002": "afgewezen", "RN003": "afgewezen", "RN004": "toegekend",
            "RN011": "toegekend", "RN012": "afgewezen", "RN013": "afgewezen", "RN014": "afgewezen",
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
