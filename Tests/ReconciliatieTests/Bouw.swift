import Foundation
import TestSupport

/// Hand-varied copies of the project's own iJw 3.2 messages (``Fixture``): the fixture's header and
/// client kept, the parts a rule looks at replaced. Gemeente 0384, aanbieder 42420001, client 999990019.
enum Bouw {
    static let gemeente = "0384"
    static let aanbieder = "42420001"
    static let client = "999990019"

    /// `tekst` with the first element `tag` (content and all) replaced by `door`.
    static func vervang(_ tekst: String, _ tag: String, door: String) -> String {
        guard let begin = tekst.range(of: "<\(tag)>"),
            let einde = tekst.range(of: "</\(tag)>", range: begin.upperBound..<tekst.endIndex)
        else { preconditionFailure("no element \(tag)") }
        return tekst.replacingCharacters(in: begin.lowerBound..<einde.upperBound, with: door)
    }

    /// `tekst` with the content of the first element `tag` set to `waarde`.
    static func zet(_ tekst: String, _ tag: String, _ waarde: String) -> String {
        vervang(tekst, tag, door: "<\(tag)>\(waarde)</\(tag)>")
    }

    /// The header fields every message sets: sender, receiver, identification and dagtekening.
    static func kop(
        _ type: String, afzender: String, ontvanger: String, id: String, dagtekening: String
    ) -> String {
        var tekst = Fixture.tekst("JW\(type)")
        tekst = zet(tekst, "jw\(type):Afzender", afzender)
        tekst = zet(tekst, "jw\(type):Ontvanger", ontvanger)
        tekst = zet(tekst, "ijw:Identificatie", id)
        return zet(tekst, "ijw:Dagtekening", dagtekening)
    }

    // MARK: Toewijzing

    static func product(
        _ nummer: Int, categorie: String? = "45", code: String? = "45A03", ingang: String = "2025-03-01",
        eind: String? = "2025-06-30", volume: Int? = 4, eenheid: String = "04", frequentie: String = "2",
        budget: Int? = nil, reden: String? = nil, tijd: String = "12:00:00", datum: String = "2025-03-01",
        referentie: String? = nil
    ) -> String {
        var xml = "<jw301:ToegewezenProduct><jw301:ToewijzingNummer>\(nummer)</jw301:ToewijzingNummer>"
        if let referentie { xml += "<jw301:ReferentieAanbieder>\(referentie)</jw301:ReferentieAanbieder>" }
        if let categorie {
            xml += "<jw301:Product><ijw:Categorie>\(categorie)</ijw:Categorie>"
                + (code.map { "<ijw:Code>\($0)</ijw:Code>" } ?? "") + "</jw301:Product>"
        }
        xml += "<jw301:Toewijzingsdatum>\(datum)</jw301:Toewijzingsdatum><jw301:Toewijzingstijd>\(tijd)</jw301:Toewijzingstijd>"
        xml += "<jw301:Ingangsdatum>\(ingang)</jw301:Ingangsdatum>"
        if let eind { xml += "<jw301:Einddatum>\(eind)</jw301:Einddatum>" }
        if let reden { xml += "<jw301:RedenWijziging>\(reden)</jw301:RedenWijziging>" }
        if let volume {
            xml += "<jw301:Omvang><ijw:Volume>\(volume)</ijw:Volume><ijw:Eenheid>\(eenheid)</ijw:Eenheid>"
                + "<ijw:Frequentie>\(frequentie)</ijw:Frequentie></jw301:Omvang>"
        }
        if let budget { xml += "<jw301:Budget>\(budget)</jw301:Budget>" }
        return xml + "</jw301:ToegewezenProduct>"
    }

    /// A 301 from the gemeente with these ToegewezenProducten.
    static func toewijzing(id: String = "T1", dagtekening: String = "2025-03-01", _ producten: [String]) -> [UInt8] {
        let tekst = kop("301", afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: dagtekening)
        return Array(vervang(tekst, "jw301:ToegewezenProducten",
                             door: "<jw301:ToegewezenProducten>\(producten.joined())</jw301:ToegewezenProducten>").utf8)
    }

    /// The retour (header only) on the 301 `id` of `dagtekening`, made on `op`: accepting, or
    /// rejecting it with header `codes`.
    static func toewijzingRetour(
        id: String = "T1", dagtekening: String = "2025-03-01", op: String, codes: [String] = []
    ) -> [UInt8] {
        var tekst = kop("302", afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: dagtekening)
        tekst = zet(tekst, "jw302:IdentificatieRetour", "R-\(id)")
        tekst = zet(tekst, "jw302:DagtekeningRetour", op)
        let retourCodes = codes.map { "<jw302:RetourCode>\($0)</jw302:RetourCode>" }.joined()
        return Array(vervang(tekst, "jw302:RetourCodes",
                             door: codes.isEmpty ? "" : "<jw302:RetourCodes>\(retourCodes)</jw302:RetourCodes>").utf8)
    }

    /// `bericht` with an element its schema does not know after the header: the header can still
    /// be read, the content no longer decodes (what a schema-breaking message looks like).
    static func onleesbaar(_ bericht: [UInt8]) -> [UInt8] {
        let tekst = String(decoding: bericht, as: UTF8.self)
        guard let einde = tekst.range(of: "</", options: .backwards) else { preconditionFailure("no root end tag") }
        return Array(tekst.replacingCharacters(in: einde.lowerBound..<einde.lowerBound, with: "<Onbekend/>").utf8)
    }

    // MARK: Start and stop

    /// A 305 from the aanbieder: toewijzing `nummer` (45/45A03 from 2025-03-01) started on
    /// `begindatum`, delivered (StatusAanlevering 1) or deleted (3).
    static func start(
        id: String = "S1", dagtekening: String, nummer: Int = 1001, begindatum: String, status: String = "1"
    ) -> [UInt8] {
        var tekst = kop("305", afzender: aanbieder, ontvanger: gemeente, id: id, dagtekening: dagtekening)
        tekst = vervang(tekst, "jw305:StartProducten", door: """
            <jw305:StartProducten><jw305:StartProduct><jw305:ToewijzingNummer>\(nummer)</jw305:ToewijzingNummer>\
            <jw305:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A03</ijw:Code></jw305:Product>\
            <jw305:ToewijzingIngangsdatum>2025-03-01</jw305:ToewijzingIngangsdatum>\
            <jw305:Begindatum>\(begindatum)</jw305:Begindatum><jw305:StatusAanlevering>\(status)</jw305:StatusAanlevering>\
            </jw305:StartProduct></jw305:StartProducten>
            """)
        return Array(tekst.utf8)
    }

    /// A 307 from the aanbieder: the start of `begindatum` ended on `einddatum`, delivered (1) or deleted (3).
    static func stop(
        id: String = "E1", dagtekening: String, nummer: Int = 1001, begindatum: String, einddatum: String,
        status: String = "1"
    ) -> [UInt8] {
        var tekst = kop("307", afzender: aanbieder, ontvanger: gemeente, id: id, dagtekening: dagtekening)
        tekst = vervang(tekst, "jw307:StopProducten", door: """
            <jw307:StopProducten><jw307:StopProduct><jw307:ToewijzingNummer>\(nummer)</jw307:ToewijzingNummer>\
            <jw307:Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>45A03</ijw:Code></jw307:Product>\
            <jw307:ToewijzingIngangsdatum>2025-03-01</jw307:ToewijzingIngangsdatum>\
            <jw307:Begindatum>\(begindatum)</jw307:Begindatum><jw307:RedenBeeindiging>31</jw307:RedenBeeindiging>\
            <jw307:Einddatum>\(einddatum)</jw307:Einddatum><jw307:StatusAanlevering>\(status)</jw307:StatusAanlevering>\
            </jw307:StopProduct></jw307:StopProducten>
            """)
        return Array(tekst.utf8)
    }

    // MARK: Declaratie

    static func prestatie(
        _ referentie: String, vorig: String? = nil, nummer: Int = 1001, categorie: String = "45", code: String = "45A03",
        begin: String = "2025-04-01", eind: String = "2025-04-30", volume: Int = 10, eenheid: String = "04",
        tarief: Int? = 9850, bedrag: Int? = nil, credit: Bool = false
    ) -> String {
        // Without a ProductTarief (Eenheid 83, CD087) the GeleverdVolume is the amount (CS339).
        let tariefElement = tarief.map { "<jw323:ProductTarief>\($0)</jw323:ProductTarief>" } ?? ""
        return """
        <jw323:Prestatie><jw323:ProductReferentie><ijw:ReferentieNummer>\(referentie)</ijw:ReferentieNummer>\
        \(vorig.map { "<ijw:VorigReferentieNummer>\($0)</ijw:VorigReferentieNummer>" } ?? "")</jw323:ProductReferentie>\
        <jw323:ToewijzingNummer>\(nummer)</jw323:ToewijzingNummer><jw323:ProductCategorie>\(categorie)</jw323:ProductCategorie>\
        <jw323:ProductCode>\(code)</jw323:ProductCode><jw323:ProductPeriode><ijw:Begindatum>\(begin)</ijw:Begindatum>\
        <ijw:Einddatum>\(eind)</ijw:Einddatum></jw323:ProductPeriode><jw323:GeleverdVolume>\(volume)</jw323:GeleverdVolume>\
        <jw323:Eenheid>\(eenheid)</jw323:Eenheid>\(tariefElement)\
        <jw323:IngediendBedrag><ijw:Bedrag>\(bedrag ?? volume * (tarief ?? 1))</ijw:Bedrag><ijw:DebetCredit>\(credit ? "C" : "D")</ijw:DebetCredit>\
        </jw323:IngediendBedrag></jw323:Prestatie>
        """
    }

    /// A 323 from the aanbieder for April 2025 with these prestaties of the client.
    static func declaratie(
        id: String = "D1", nummer: String = "DN1", dagtekening: String = "2025-05-06", _ prestaties: [String]
    ) -> [UInt8] {
        var tekst = kop("323", afzender: aanbieder, ontvanger: gemeente, id: id, dagtekening: dagtekening)
        tekst = zet(tekst, "jw323:DeclaratieNummer", nummer)
        tekst = vervang(tekst, "jw323:Clienten", door: """
            <jw323:Clienten><jw323:Client><jw323:Bsn>\(client)</jw323:Bsn><jw323:Prestaties>\(prestaties.joined())\
            </jw323:Prestaties></jw323:Client></jw323:Clienten>
            """)
        return Array(tekst.utf8)
    }

    /// The 325 on 323 `declaratie`, made on `dagtekening`: fully awarded, or rejecting `afgewezen` with `code`.
    static func antwoord(
        id: String = "A1", declaratie: String = "D1", nummer: String = "DN1", declaratieDagtekening: String = "2025-05-06",
        dagtekening: String = "2025-05-08", afgewezen: [String] = [], code: String = "0611"
    ) -> [UInt8] {
        var tekst = kop("325", afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: dagtekening)
        tekst = vervang(tekst, "jw325:DeclaratieIdentificatie", door: """
            <jw325:DeclaratieIdentificatie><ijw:Identificatie>\(declaratie)</ijw:Identificatie>\
            <ijw:Dagtekening>\(declaratieDagtekening)</ijw:Dagtekening></jw325:DeclaratieIdentificatie>
            """)
        tekst = zet(tekst, "jw325:DeclaratieNummer", nummer)
        let regels = afgewezen.map { referentie in
            """
            <jw325:Prestatie><jw325:ProductReferentie><ijw:ReferentieNummer>\(referentie)</ijw:ReferentieNummer>\
            </jw325:ProductReferentie><jw325:ToewijzingNummer>1001</jw325:ToewijzingNummer>\
            <jw325:ProductCategorie>45</jw325:ProductCategorie><jw325:ProductCode>45A03</jw325:ProductCode>\
            <jw325:ProductPeriode><ijw:Begindatum>2025-04-01</ijw:Begindatum><ijw:Einddatum>2025-04-30</ijw:Einddatum>\
            </jw325:ProductPeriode><jw325:GeleverdVolume>10</jw325:GeleverdVolume><jw325:Eenheid>04</jw325:Eenheid>\
            <jw325:ProductTarief>9850</jw325:ProductTarief><jw325:IngediendBedrag><ijw:Bedrag>98500</ijw:Bedrag>\
            <ijw:DebetCredit>D</ijw:DebetCredit></jw325:IngediendBedrag><jw325:RetourCodes>\
            <jw325:RetourCode>\(code)</jw325:RetourCode></jw325:RetourCodes></jw325:Prestatie>
            """
        }
        let clienten = regels.isEmpty ? "" : """
            <jw325:Clienten><jw325:Client><jw325:Bsn>\(client)</jw325:Bsn><jw325:Prestaties>\(regels.joined())\
            </jw325:Prestaties><jw325:RetourCodes><jw325:RetourCode>0200</jw325:RetourCode></jw325:RetourCodes>\
            </jw325:Client></jw325:Clienten>
            """
        tekst = vervang(tekst, "jw325:Clienten", door: clienten)
        return Array(tekst.utf8)
    }

    // MARK: Verzoeken

    /// A 315 from the aanbieder with one AangevraagdProduct, reference `referentie`.
    static func verzoek(id: String = "V1", dagtekening: String, referentie: String = "REF1") -> [UInt8] {
        var tekst = kop("315", afzender: aanbieder, ontvanger: gemeente, id: id, dagtekening: dagtekening)
        guard let eerste = tekst.range(of: "</jw315:AangevraagdProduct>"),
            let tweede = tekst.range(of: "<jw315:AangevraagdProduct>", range: eerste.upperBound..<tekst.endIndex),
            let einde = tekst.range(of: "</jw315:AangevraagdProduct>", range: tweede.upperBound..<tekst.endIndex)
        else { preconditionFailure("the JW315 fixture has two AangevraagdProducten") }
        tekst.removeSubrange(tweede.lowerBound..<einde.upperBound)
        return Array(zet(tekst, "jw315:ReferentieAanbieder", referentie).utf8)
    }

    /// A 317 from the aanbieder (the fixture's package), reference `referentie`.
    static func wijzigingsverzoek(id: String = "W1", dagtekening: String, referentie: String = "REF1") -> [UInt8] {
        let tekst = kop("317", afzender: aanbieder, ontvanger: gemeente, id: id, dagtekening: dagtekening)
        return Array(zet(tekst, "jw317:ReferentieAanbieder", referentie).utf8)
    }

    /// A 319 from the gemeente on request `referentie`: 1 afgewezen or 2 in onderzoek.
    static func verzoekAntwoord(id: String, dagtekening: String, referentie: String = "REF1", antwoord: String) -> [UInt8] {
        var tekst = kop("319", afzender: gemeente, ontvanger: aanbieder, id: id, dagtekening: dagtekening)
        tekst = vervang(tekst, "jw319:Antwoord", door: """
            <jw319:Antwoord><jw319:ReferentieAanbieder>\(referentie)</jw319:ReferentieAanbieder>\
            <jw319:VerzoekAntwoord>\(antwoord)</jw319:VerzoekAntwoord>\
            \(antwoord == "1" ? "<jw319:RedenAfwijzingVerzoek>1</jw319:RedenAfwijzingVerzoek>" : "")</jw319:Antwoord>
            """)
        return Array(tekst.utf8)
    }
}
