internal import Berichten

/// Turns scheduled messages into bytes, in the sending party's own style.
///
/// Heenberichten carry their own header; retours copy the heenbericht's Afzender, Ontvanger,
/// BerichtIdentificatie and XsdVersie and add their own identification (report §4.2).
struct Renderer {
    var writer = XMLWriter()
    private let styles: [String: WriterStyle]

    static let xsdVersie = "1.0.0"

    init(styles: [String: WriterStyle]) { self.styles = styles }

    mutating func render(_ gepland: GeplandBericht) -> GegenereerdBericht {
        switch gepland.bron {
        case .heen(let traject, let nummer): heen(traject, traject.stappen[nummer])
        case .retour(let traject, let nummer): retour(traject, traject.stappen[nummer])
        case .declaratie(let declaratie): declaratie323(declaratie)
        case .declaratieAntwoord(let declaratie): declaratieAntwoord325(declaratie)
        }
    }

    // MARK: Identification and style

    func style(of partij: String) -> WriterStyle {
        guard let style = styles[partij] else { preconditionFailure("\(partij) is not a party of the scenario") }
        return style
    }

    /// An identification unique per sender and message type: the key is unique across the scenario,
    /// written as nine base-36 digits behind the sender's own prefix (at most 12 characters,
    /// LDT_IdentificatieBericht).
    func identificatie(_ sleutel: UInt64, afzender: String) -> String {
        let cijfers = Format.base36(sleutel)
        return style(of: afzender).identificationPrefix + String(repeating: "0", count: max(0, 9 - cijfers.count)) + cijfers
    }

    /// The key of a trajectory message: 64 slots per client, the low bit marks the retour.
    static func sleutel(_ traject: Traject, _ stap: Stap, retour: Bool) -> UInt64 {
        UInt64(traject.index) * 64 + UInt64(stap.slot) * 2 + (retour ? 1 : 0)
    }

    /// Who sends the heenbericht of `soort`: the gemeente for 301 and 319, otherwise the aanbieder.
    static func partijen(_ soort: Berichttype, _ traject: Traject) -> (afzender: String, ontvanger: String) {
        switch soort {
        case .toewijzing, .antwoord: (traject.gemeente.code, traject.aanbieder.agb)
        default: (traject.aanbieder.agb, traject.gemeente.code)
        }
    }

    private mutating func afronden(
        _ soort: Berichttype, _ standaard: Standaard, afzender: String, identificatie: String
    ) -> GegenereerdBericht {
        GegenereerdBericht(
            bestandsnaam: "\(soort.naam(standaard))_\(afzender)_\(identificatie).xml", bytes: writer.finish(),
            standaard: standaard, berichttype: soort.rawValue)
    }

    // MARK: Headers

    private mutating func heenHeader(
        _ soort: Berichttype, _ standaard: Standaard, afzender: String, ontvanger: String, identificatie: String,
        dagtekening: Datum
    ) {
        writer.open("Header")
        writer.element("BerichtCode", soort.berichtCode(for: standaard))
        writer.element("BerichtVersie", 3)
        writer.element("BerichtSubversie", 2)
        writer.element("Afzender", afzender)
        writer.element("Ontvanger", ontvanger)
        berichtIdentificatie("BerichtIdentificatie", identificatie, dagtekening)
        xsdVersie("XsdVersie")
        writer.close("Header")
    }

    private mutating func berichtIdentificatie(_ naam: StaticString, _ identificatie: String, _ dagtekening: Datum) {
        writer.open(naam)
        writer.element("Identificatie", identificatie, .basis)
        writer.element("Dagtekening", dagtekening, .basis)
        writer.close(naam)
    }

    private mutating func xsdVersie(_ naam: StaticString) {
        writer.open(naam)
        writer.element("BasisschemaXsdVersie", Renderer.xsdVersie, .basis)
        writer.element("BerichtXsdVersie", Renderer.xsdVersie, .basis)
        writer.close(naam)
    }

    mutating func retourCodes(_ codes: [String]) {
        writer.open("RetourCodes")
        for code in codes { writer.element("RetourCode", code) }
        writer.close("RetourCodes")
    }

    // MARK: Trajectory messages

    private mutating func heen(_ traject: Traject, _ stap: Stap) -> GegenereerdBericht {
        let soort = stap.inhoud.soort
        let (afzender, ontvanger) = Renderer.partijen(soort, traject)
        let id = identificatie(Renderer.sleutel(traject, stap, retour: false), afzender: afzender)
        writer.begin(soort, traject.standaard, style: style(of: afzender))
        heenHeader(
            soort, traject.standaard, afzender: afzender, ontvanger: ontvanger, identificatie: id,
            dagtekening: stap.dagtekening)
        switch stap.inhoud {
        case .toewijzing(let producten): toewijzingClient(traject, producten, afkeuring: nil)
        case .start(let producten): startClient(traject, producten)
        case .stop(let producten): stopClient(traject, producten)
        case .verzoekOmToewijzing(let aanvraag): verzoekOmToewijzingClient(traject, aanvraag)
        case .verzoekOmWijziging(let verzoek): verzoekOmWijzigingClient(traject, verzoek)
        case .antwoord(let antwoord): antwoordBody(traject, antwoord)
        }
        return afronden(soort, traject.standaard, afzender: afzender, identificatie: id)
    }

    /// A retour: header only when accepted; 0001 with XsltVersie when rejected technically; 0200 in
    /// the header and the whole Client with per-class codes when rejected on content.
    private mutating func retour(_ traject: Traject, _ stap: Stap) -> GegenereerdBericht {
        let heenSoort = stap.inhoud.soort
        let soort = heenSoort.retour
        let (heenAfzender, heenOntvanger) = Renderer.partijen(heenSoort, traject)
        let heenId = identificatie(Renderer.sleutel(traject, stap, retour: false), afzender: heenAfzender)
        let id = identificatie(Renderer.sleutel(traject, stap, retour: true), afzender: heenOntvanger)
        writer.begin(soort, traject.standaard, style: style(of: heenOntvanger))
        writer.open("Header")
        writer.element("BerichtCode", soort.berichtCode(for: traject.standaard))
        writer.element("BerichtVersie", 3)
        writer.element("BerichtSubversie", 2)
        writer.element("Afzender", heenAfzender)
        writer.element("Ontvanger", heenOntvanger)
        berichtIdentificatie("BerichtIdentificatie", heenId, stap.dagtekening)
        xsdVersie("XsdVersie")
        writer.element("IdentificatieRetour", id)
        writer.element("DagtekeningRetour", stap.retourDagtekening)
        if case .technisch = stap.afkeuring { writer.element("XsltVersie", Renderer.xsdVersie) }
        xsdVersie("XsdVersieRetour")
        switch stap.afkeuring {
        case nil: break
        case .technisch: retourCodes(["0001"])
        case .productcode: retourCodes(["0200"])
        }
        writer.close("Header")
        if case .productcode(let nummer) = stap.afkeuring, case .toewijzing(let producten) = stap.inhoud {
            toewijzingClient(traject, producten, afkeuring: nummer)
        }
        return afronden(soort, traject.standaard, afzender: heenOntvanger, identificatie: id)
    }

    // MARK: Declaratie and antwoord

    private mutating func declaratie323(_ declaratie: Declaratie) -> GegenereerdBericht {
        let afzender = declaratie.aanbieder.agb
        let id = identificatie(declaratie.sleutel, afzender: afzender)
        writer.begin(.declaratie, declaratie.standaard, style: style(of: afzender))
        heenHeader(
            .declaratie, declaratie.standaard, afzender: afzender, ontvanger: declaratie.gemeente.code,
            identificatie: id, dagtekening: declaratie.dagtekening)
        writer.open("Declaratie")
        writer.element("DeclaratieNummer", declaratie.declaratieNummer)
        writer.open("DeclaratiePeriode")
        writer.element("Begindatum", Datum.eersteDag(maandIndex: declaratie.periode), .basis)
        writer.element("Einddatum", Datum.eersteDag(maandIndex: declaratie.periode).laatsteDagVanDeMaand, .basis)
        writer.close("DeclaratiePeriode")
        writer.element("DeclaratieDagtekening", declaratie.dagtekening)
        totaalBedrag("TotaalIngediendBedrag", declaratie.totaalIngediend)
        writer.open("Clienten")
        for client in declaratie.clienten {
            writer.open("Client")
            writer.element("Bsn", client.bsn)
            writer.open("Prestaties")
            for prestatie in client.prestaties { self.prestatie(prestatie, metRetourCode: false) }
            writer.close("Prestaties")
            writer.close("Client")
        }
        writer.close("Clienten")
        writer.close("Declaratie")
        return afronden(.declaratie, declaratie.standaard, afzender: afzender, identificatie: id)
    }

    /// The 325 lists only the rejected prestaties; 8001 when everything was awarded (IV087).
    private mutating func declaratieAntwoord325(_ declaratie: Declaratie) -> GegenereerdBericht {
        let afzender = declaratie.gemeente.code
        let aanbieder = declaratie.aanbieder.agb
        let id = identificatie(declaratie.sleutel + 1, afzender: afzender)
        writer.begin(.declaratieAntwoord, declaratie.standaard, style: style(of: afzender))
        writer.open("Header")
        writer.element("BerichtCode", Berichttype.declaratieAntwoord.berichtCode(for: declaratie.standaard))
        writer.element("BerichtVersie", 3)
        writer.element("BerichtSubversie", 2)
        writer.element("Afzender", afzender)
        writer.element("Ontvanger", aanbieder)
        berichtIdentificatie("BerichtIdentificatie", id, declaratie.antwoordDagtekening)
        xsdVersie("XsdVersie")
        berichtIdentificatie(
            "DeclaratieIdentificatie", identificatie(declaratie.sleutel, afzender: aanbieder), declaratie.dagtekening)
        xsdVersie("XsdVersieDeclaratie")
        retourCodes(["0200"])
        writer.close("Header")
        writer.open("DeclaratieAntwoord")
        writer.element("DeclaratieNummer", declaratie.declaratieNummer)
        totaalBedrag("TotaalIngediendBedrag", declaratie.totaalIngediend)
        totaalBedrag("TotaalToegekendBedrag", declaratie.totaalToegekend)
        if declaratie.heeftAfwijzingen {
            writer.open("Clienten")
            for client in declaratie.clienten where client.prestaties.contains(where: { $0.afwijzing != nil }) {
                writer.open("Client")
                writer.element("Bsn", client.bsn)
                writer.open("Prestaties")
                for prestatie in client.prestaties where prestatie.afwijzing != nil {
                    self.prestatie(prestatie, metRetourCode: true)
                }
                writer.close("Prestaties")
                retourCodes(["0200"])
                writer.close("Client")
            }
            writer.close("Clienten")
        }
        retourCodes([declaratie.heeftAfwijzingen ? "0200" : "8001"])
        writer.close("DeclaratieAntwoord")
        return afronden(.declaratieAntwoord, declaratie.standaard, afzender: afzender, identificatie: id)
    }

    private mutating func totaalBedrag(_ naam: StaticString, _ saldo: Int) {
        writer.open(naam)
        writer.element("TotaalBedrag", abs(saldo), .basis)
        writer.element("DebetCredit", (saldo < 0 ? DebetCredit.credit : .debet).rawValue, .basis)
        writer.close(naam)
    }

    private mutating func prestatie(_ prestatie: Prestatie, metRetourCode: Bool) {
        writer.open("Prestatie")
        writer.open("ProductReferentie")
        writer.element("ReferentieNummer", prestatie.referentieNummer, .basis)
        if let vorige = prestatie.vorigReferentieNummer { writer.element("VorigReferentieNummer", vorige, .basis) }
        writer.close("ProductReferentie")
        writer.element("ToewijzingNummer", prestatie.toewijzing.nummer)
        writer.element("ProductCategorie", prestatie.toewijzing.product.categorie)
        writer.element("ProductCode", prestatie.toewijzing.product.code)
        writer.open("ProductPeriode")
        writer.element("Begindatum", prestatie.begindatum, .basis)
        writer.element("Einddatum", prestatie.einddatum, .basis)
        writer.close("ProductPeriode")
        writer.element("GeleverdVolume", prestatie.volume)
        writer.element("Eenheid", prestatie.toewijzing.product.eenheid.rawValue)
        writer.element("ProductTarief", prestatie.tarief)
        writer.open("IngediendBedrag")
        writer.element("Bedrag", prestatie.bedrag, .basis)
        writer.element("DebetCredit", prestatie.debetCredit.rawValue, .basis)
        writer.close("IngediendBedrag")
        if metRetourCode, let code = prestatie.afwijzing { retourCodes([code]) }
        writer.close("Prestatie")
    }
}
