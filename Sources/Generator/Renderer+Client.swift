internal import Berichten

/// The Client part of the trajectory messages, in the element order of the 3.2 XSDs.
extension Renderer {
    /// 301, and the copy in a rejecting 302 (`afkeuring` names the ToewijzingNummer rejected with
    /// S329; every other class gets 0200).
    mutating func toewijzingClient(_ traject: Traject, _ producten: [ToegewezenProduct], afkeuring: Int?) {
        let client = traject.client
        let codes = afkeuring != nil
        writer.open("Client")
        writer.element("Bsn", client.bsn)
        geboortedatum(client.geboortedatum)
        writer.element("Geslacht", client.geslacht)
        volledigeNaam(client.achternaam, client.voorvoegsel, client.voornamen, client.voorletters)
        if let ouder = client.ouder {
            writer.open("Relaties")
            writer.open("Relatie")
            writer.element("Nummer", "1")
            writer.element("Soort", "10")
            writer.element("Geslacht", ouder.geslacht)
            volledigeNaam(ouder.achternaam, ouder.voorvoegsel, ouder.voornamen, ouder.voorletters)
            contact(client, codes: codes)
            if codes { retourCodes(["0200"]) }
            writer.close("Relatie")
            writer.close("Relaties")
        }
        writer.open("Contactgegevens")
        contact(client, codes: codes)
        writer.close("Contactgegevens")
        writer.open("ToegewezenProducten")
        for toewijzing in producten {
            writer.open("ToegewezenProduct")
            writer.element("ToewijzingNummer", toewijzing.nummer)
            if let referentie = toewijzing.referentieAanbieder { writer.element("ReferentieAanbieder", referentie) }
            writer.open("Product")
            writer.element("Categorie", toewijzing.product.categorie, .basis)
            writer.element("Code", toewijzing.code, .basis)
            writer.close("Product")
            writer.element("Toewijzingsdatum", toewijzing.toewijzingsdatum)
            writer.element("Toewijzingstijd", toewijzing.toewijzingstijd)
            writer.element("Ingangsdatum", toewijzing.ingangsdatum)
            writer.element("Einddatum", toewijzing.einddatum)
            if let reden = toewijzing.redenWijziging { writer.element("RedenWijziging", reden.rawValue) }
            omvang(toewijzing.product, volume: toewijzing.volume)
            if codes { retourCodes([toewijzing.nummer == afkeuring ? "S329" : "0200"]) }
            writer.close("ToegewezenProduct")
        }
        writer.close("ToegewezenProducten")
        if codes { retourCodes(["0200"]) }
        writer.close("Client")
    }

    mutating func startClient(_ traject: Traject, _ producten: [StartProduct]) {
        verkorteClient(traject.client)
        writer.open("StartProducten")
        for start in producten {
            writer.open("StartProduct")
            regieSleutel(start.toewijzing, begindatum: start.begindatum)
            writer.element("StatusAanlevering", start.statusAanlevering.rawValue)
            writer.close("StartProduct")
        }
        writer.close("StartProducten")
        writer.close("Client")
    }

    mutating func stopClient(_ traject: Traject, _ producten: [StopProduct]) {
        verkorteClient(traject.client)
        writer.open("StopProducten")
        for stop in producten {
            writer.open("StopProduct")
            regieSleutel(stop.toewijzing, begindatum: stop.begindatum)
            writer.element("RedenBeeindiging", stop.redenBeeindiging.rawValue)
            writer.element("Einddatum", stop.einddatum)
            writer.element("StatusAanlevering", StatusAanlevering.eersteAanlevering.rawValue)
            writer.close("StopProduct")
        }
        writer.close("StopProducten")
        writer.close("Client")
    }

    mutating func verzoekOmToewijzingClient(_ traject: Traject, _ aanvraag: AangevraagdProduct) {
        verkorteClient(traject.client)
        if traject.standaard == .iJw { writer.element("GezagsdragerBekend", traject.index % 3 == 0 ? "1" : "2") }
        writer.open("AangevraagdeProducten")
        writer.open("AangevraagdProduct")
        writer.element("ReferentieAanbieder", aanvraag.referentieAanbieder)
        product(aanvraag.product)
        writer.element("ToewijzingIngangsdatum", aanvraag.ingangsdatum)
        writer.element("ToewijzingEinddatum", aanvraag.einddatum)
        omvang(aanvraag.product, volume: aanvraag.volume)
        writer.open("Verwijzer")
        writer.element("Type", aanvraag.verwijzer.type, .basis)
        if let naam = aanvraag.verwijzer.naam { writer.element("Naam", naam, .basis) }
        if let agb = aanvraag.verwijzer.zorgverlenerCode { writer.element("ZorgverlenerCode", agb, .basis) }
        writer.close("Verwijzer")
        writer.close("AangevraagdProduct")
        writer.close("AangevraagdeProducten")
        writer.close("Client")
    }

    mutating func verzoekOmWijzigingClient(_ traject: Traject, _ verzoek: VerzoekOmWijziging) {
        writer.open("Client")
        writer.element("Bsn", traject.client.bsn)
        writer.open("Verzoek")
        writer.element("ReferentieAanbieder", verzoek.referentieAanbieder)
        writer.element("RedenVerzoek", verzoek.redenVerzoek.rawValue)
        writer.open("TeWijzigenProducten")
        writer.open("TeWijzigenProduct")
        writer.element("ToewijzingNummer", verzoek.toewijzing.nummer)
        writer.element("GewensteIngangsdatum", verzoek.gewensteIngangsdatum)
        writer.element("Einddatum", verzoek.einddatum)
        omvang(verzoek.toewijzing.product, volume: verzoek.volume)
        writer.close("TeWijzigenProduct")
        writer.close("TeWijzigenProducten")
        writer.close("Verzoek")
        writer.close("Client")
    }

    mutating func antwoordBody(_ traject: Traject, _ antwoord: Antwoord) {
        writer.open("Antwoord")
        writer.element("ReferentieAanbieder", antwoord.referentieAanbieder)
        writer.element("VerzoekAntwoord", antwoord.verzoekAntwoord.rawValue)
        if let reden = antwoord.redenAfwijzing { writer.element("RedenAfwijzingVerzoek", reden.rawValue) }
        if let gemeente = antwoord.woonplaatsbeginsel, traject.standaard == .iJw {
            writer.open("Woonplaatsbeginsel")
            writer.element("Gemeente", gemeente)
            writer.close("Woonplaatsbeginsel")
        }
        writer.close("Antwoord")
    }

    // MARK: Parts

    /// Opens Client and writes Bsn, Geboortedatum, Geslacht and the short name of 305/307/315.
    private mutating func verkorteClient(_ client: Client) {
        writer.open("Client")
        writer.element("Bsn", client.bsn)
        geboortedatum(client.geboortedatum)
        writer.element("Geslacht", client.geslacht)
        writer.open("Naam")
        geslachtsnaam(client.achternaam, client.voorvoegsel)
        writer.element("Voornamen", client.voornamen, .basis)
        writer.element("Voorletters", client.voorletters, .basis)
        writer.close("Naam")
    }

    /// The key of a start or stop line: ToewijzingNummer, Product, ToewijzingIngangsdatum, Begindatum.
    private mutating func regieSleutel(_ toewijzing: ToegewezenProduct, begindatum: Datum) {
        writer.element("ToewijzingNummer", toewijzing.nummer)
        product(toewijzing.product)
        writer.element("ToewijzingIngangsdatum", toewijzing.ingangsdatum)
        writer.element("Begindatum", begindatum)
    }

    private mutating func geboortedatum(_ datum: Datum) {
        writer.open("Geboortedatum")
        writer.element("Datum", datum, .basis)
        writer.close("Geboortedatum")
    }

    private mutating func volledigeNaam(_ achternaam: String, _ voorvoegsel: String?, _ voornamen: String, _ voorletters: String) {
        writer.open("Naam")
        geslachtsnaam(achternaam, voorvoegsel)
        writer.element("Voornamen", voornamen, .basis)
        writer.element("Voorletters", voorletters, .basis)
        writer.element("NaamGebruik", "1", .basis)
        writer.close("Naam")
    }

    private mutating func geslachtsnaam(_ achternaam: String, _ voorvoegsel: String?) {
        writer.open("Geslachtsnaam", .basis)
        writer.element("Achternaam", achternaam, .basis)
        if let voorvoegsel { writer.element("Voorvoegsel", voorvoegsel, .basis) }
        writer.close("Geslachtsnaam", .basis)
    }

    /// The BRP address (Soort 01) with Huis, Postcode and LandCode NL, as TR006/CD034/CD005 ask.
    private mutating func contact(_ client: Client, codes: Bool) {
        let adres = client.adres
        writer.open("Contact")
        writer.element("Soort", "01")
        writer.open("Adres")
        writer.open("Huis", .basis)
        writer.element("Huisnummer", adres.huisnummer, .basis)
        if let letter = adres.huisletter { writer.element("Huisletter", letter, .basis) }
        writer.close("Huis", .basis)
        writer.element("Postcode", adres.postcode, .basis)
        writer.element("Straatnaam", adres.straatnaam, .basis)
        writer.element("Plaatsnaam", adres.plaatsnaam, .basis)
        writer.element("LandCode", "NL", .basis)
        writer.close("Adres")
        if let telefoon = client.telefoon {
            writer.open("Telefoon")
            writer.open("Telefoon01", .basis)
            writer.element("Telefoonnummer", telefoon, .basis)
            writer.element("Landnummer", "0031", .basis)
            writer.close("Telefoon01", .basis)
            writer.close("Telefoon")
        }
        if codes { retourCodes(["0200"]) }
        writer.close("Contact")
    }

    private mutating func product(_ product: Product) {
        writer.open("Product")
        writer.element("Categorie", product.categorie, .basis)
        writer.element("Code", product.code, .basis)
        writer.close("Product")
    }

    private mutating func omvang(_ product: Product, volume: Int) {
        writer.open("Omvang")
        writer.element("Volume", volume, .basis)
        writer.element("Eenheid", product.eenheid.rawValue, .basis)
        writer.element("Frequentie", product.frequentie.rawValue, .basis)
        writer.close("Omvang")
    }
}
