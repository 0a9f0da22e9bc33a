extension Bericht {
    /// The level-2 rules (report §6.9) this message breaks; empty when it breaks none of them.
    ///
    /// Checked: CS002 (BSN 11-proef), CS003/TR018 (end not before start), CD077/CD078 (Omvang
    /// and Budget exclude each other), CS335 (RedenWijziging 13 only with Einddatum =
    /// Ingangsdatum), CS058 (StatusAanlevering 1 or 3), CS337/CS340 (calendar months in a
    /// declaratie), TR346/CS339 (bedrag = volume × tarief, or = volume for Eenheid 83), CS325
    /// (zero is debet), TR358 (the total adds up), TR101 (no duplicate lines), TR383 (unique
    /// ReferentieAanbieder). Only heenberichten are checked: a retour repeats its heenbericht's
    /// content and carries its own verdict in RetourCodes.
    public func bevindingen() -> [Bevinding] {
        var regels = Regels()
        switch inhoud {
        case .toewijzing(let client, let producten):
            regels.client(client, "Client")
            regels.toegewezenProducten(producten)
        case .start(let client, let producten):
            regels.client(client, "Client")
            regels.startProducten(producten)
        case .stop(let client, let producten):
            regels.client(client, "Client")
            regels.stopProducten(producten)
        case .verzoekOmToewijzing(let client, _, let producten):
            regels.client(client, "Client")
            regels.aangevraagdeProducten(producten)
        case .verzoekOmWijziging(let client, let verzoek):
            regels.client(client, "Client")
            regels.verzoek(verzoek)
        case .declaratie(let declaratie):
            regels.declaratie(declaratie)
        case .antwoord, .toewijzingRetour, .startRetour, .stopRetour, .verzoekOmToewijzingRetour,
            .verzoekOmWijzigingRetour, .antwoordRetour, .declaratieAntwoord:
            break
        }
        return regels.bevindingen
    }
}

/// Collects findings while walking one message; one method per message class.
///
/// Paths are autoclosures: a clean message, the common case, never builds one.
private struct Regels {
    var bevindingen: [Bevinding] = []

    mutating func add(_ regel: String, _ pad: String, _ toelichting: String) {
        bevindingen.append(Bevinding(regel: regel, pad: pad, toelichting: toelichting))
    }

    mutating func client(_ client: Client, _ pad: @autoclosure () -> String) {
        if !Self.elfProef(client.bsn) { add("CS002", "\(pad())/Bsn", "BSN does not pass the 11-proef") }
    }

    /// Weights 9 … 2 for the first eight digits and -1 for the last; the sum must divide by 11.
    static func elfProef(_ bsn: String) -> Bool {
        let digits = bsn.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
        guard digits.count == 9, digits.allSatisfy((0...9).contains) else { return false }
        let sum = zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1]).reduce(0) { $0 + $1.0 * $1.1 }
        return sum % 11 == 0
    }

    mutating func einde(_ regel: String, _ pad: @autoclosure () -> String, _ eind: Datum?, _ begin: Datum, _ beginNaam: String) {
        if let eind, eind < begin { add(regel, pad(), "Einddatum \(eind) is before \(beginNaam) \(begin)") }
    }

    mutating func omvangOfBudget(_ pad: @autoclosure () -> String, _ omvang: Omvang?, _ budget: Int?) {
        guard omvang != nil, budget != nil else { return }
        add("CD077", "\(pad())/Omvang", "Omvang must be empty when Budget is filled")
        add("CD078", "\(pad())/Budget", "Budget must be empty when Omvang is filled")
    }

    mutating func dubbel<Sleutel: Hashable>(_ sleutels: [Sleutel], _ pad: (Int) -> String, _ wat: String) {
        var gezien = Set<Sleutel>()
        for (index, sleutel) in sleutels.enumerated() where !gezien.insert(sleutel).inserted {
            add("TR101", pad(index), "duplicate \(wat) in one message")
        }
    }

    mutating func status(_ status: StatusAanlevering, _ pad: @autoclosure () -> String) {
        if status != .eersteAanlevering && status != .verwijderenAanlevering {
            add("CS058", "\(pad())/StatusAanlevering", "StatusAanlevering '\(status.rawValue)' is not allowed; use 1 or 3")
        }
    }

    mutating func toegewezenProducten(_ producten: [ToegewezenProduct]) {
        let pad = { (index: Int) in "Client/ToegewezenProducten/ToegewezenProduct[\(index + 1)]" }
        for (index, product) in producten.enumerated() {
            einde("CS003", "\(pad(index))/Einddatum", product.einddatum, product.ingangsdatum, "Ingangsdatum")
            omvangOfBudget(pad(index), product.omvang, product.budget)
            if product.redenWijziging == .verwijderd, product.einddatum != product.ingangsdatum {
                add("CS335", "\(pad(index))/RedenWijziging", "RedenWijziging 13 requires Einddatum = Ingangsdatum")
            }
        }
        dubbel(producten.map(\.toewijzingNummer), pad, "ToegewezenProduct")
    }

    mutating func startProducten(_ producten: [StartProduct]) {
        let pad = { (index: Int) in "Client/StartProducten/StartProduct[\(index + 1)]" }
        for (index, product) in producten.enumerated() { status(product.statusAanlevering, pad(index)) }
        dubbel(
            producten.map { StartSleutel(nummer: $0.toewijzingNummer, product: $0.product, begindatum: $0.begindatum) },
            pad, "StartProduct")
    }

    mutating func stopProducten(_ producten: [StopProduct]) {
        let pad = { (index: Int) in "Client/StopProducten/StopProduct[\(index + 1)]" }
        for (index, product) in producten.enumerated() {
            einde("TR018", "\(pad(index))/Einddatum", product.einddatum, product.begindatum, "Begindatum")
            status(product.statusAanlevering, pad(index))
        }
        dubbel(
            producten.map {
                StopSleutel(
                    start: StartSleutel(nummer: $0.toewijzingNummer, product: $0.product, begindatum: $0.begindatum),
                    reden: $0.redenBeeindiging, einddatum: $0.einddatum)
            }, pad, "StopProduct")
    }

    mutating func aangevraagdeProducten(_ producten: [AangevraagdProduct]) {
        let pad = { (index: Int) in "Client/AangevraagdeProducten/AangevraagdProduct[\(index + 1)]" }
        var gezien = Set<String>()
        for (index, product) in producten.enumerated() {
            einde(
                "CS003", "\(pad(index))/ToewijzingEinddatum", product.toewijzingEinddatum,
                product.toewijzingIngangsdatum, "ToewijzingIngangsdatum")
            omvangOfBudget(pad(index), product.omvang, product.budget)
            if !gezien.insert(product.referentieAanbieder).inserted {
                add("TR383", "\(pad(index))/ReferentieAanbieder", "ReferentieAanbieder is not unique in the message")
            }
        }
    }

    mutating func verzoek(_ verzoek: Verzoek) {
        let teWijzigen = { (index: Int) in "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[\(index + 1)]" }
        for (index, product) in verzoek.teWijzigenProducten.enumerated() {
            einde(
                "CS003", "\(teWijzigen(index))/Einddatum", product.einddatum, product.gewensteIngangsdatum,
                "GewensteIngangsdatum")
            omvangOfBudget(teWijzigen(index), product.omvang, product.budget)
        }
        let nieuw = { (index: Int) in "Client/Verzoek/NieuweProducten/NieuwProduct[\(index + 1)]" }
        for (index, product) in verzoek.nieuweProducten.enumerated() {
            einde(
                "CS003", "\(nieuw(index))/Einddatum", product.einddatum, product.gewensteIngangsdatum,
                "GewensteIngangsdatum")
            omvangOfBudget(nieuw(index), product.omvang, product.budget)
        }
        let ongewijzigd = verzoek.ongewijzigdeProducten.count
        dubbel(
            verzoek.ongewijzigdeProducten.map(\.toewijzingNummer) + verzoek.teWijzigenProducten.map(\.toewijzingNummer),
            { index in
                index < ongewijzigd
                    ? "Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[\(index + 1)]"
                    : teWijzigen(index - ongewijzigd)
            }, "ToewijzingNummer")
    }

    mutating func declaratie(_ declaratie: Declaratie) {
        let periode = declaratie.declaratiePeriode
        einde("TR018", "Declaratie/DeclaratiePeriode/Einddatum", periode.einddatum, periode.begindatum, "Begindatum")
        if periode.begindatum.day != 1 || periode.einddatum != periode.begindatum.laatsteDagVanDeMaand {
            add("CS340", "Declaratie/DeclaratiePeriode", "DeclaratiePeriode is not exactly one calendar month")
        }
        bedrag(declaratie.totaalIngediendBedrag, "Declaratie/TotaalIngediendBedrag")
        var som = 0
        var referenties: [String] = []
        var posities: [(client: Int, prestatie: Int)] = []
        let pad = { (client: Int, prestatie: Int) in
            "Declaratie/Clienten/Client[\(client + 1)]/Prestaties/Prestatie[\(prestatie + 1)]"
        }
        for (clientIndex, regel) in declaratie.clienten.enumerated() {
            client(regel.client, "Declaratie/Clienten/Client[\(clientIndex + 1)]")
            for (index, prestatie) in regel.prestaties.enumerated() {
                self.prestatie(prestatie, pad(clientIndex, index))
                som += prestatie.ingediendBedrag.metTeken
                referenties.append(prestatie.referentieNummer)
                posities.append((clientIndex, index))
            }
        }
        dubbel(referenties, { "\(pad(posities[$0].client, posities[$0].prestatie))/ProductReferentie" }, "ProductReferentie")
        if som != declaratie.totaalIngediendBedrag.metTeken {
            add(
                "TR358", "Declaratie/TotaalIngediendBedrag",
                "TotaalBedrag \(declaratie.totaalIngediendBedrag.metTeken) is not the sum of the prestaties (\(som))")
        }
    }

    mutating func prestatie(_ prestatie: Prestatie, _ pad: @autoclosure () -> String) {
        let periode = prestatie.productPeriode
        einde("TR018", "\(pad())/ProductPeriode/Einddatum", periode.einddatum, periode.begindatum, "Begindatum")
        if !periode.einddatum.inZelfdeMaand(als: periode.begindatum) {
            add("CS337", "\(pad())/ProductPeriode", "ProductPeriode spans more than one calendar month")
        }
        bedrag(prestatie.ingediendBedrag, "\(pad())/IngediendBedrag")
        let bedrag = prestatie.ingediendBedrag.eurocent
        if prestatie.eenheid == .euro {
            if bedrag != prestatie.geleverdVolume {
                add("CS339", "\(pad())/IngediendBedrag", "with Eenheid 83 the Bedrag must equal GeleverdVolume")
            }
        } else if let tarief = prestatie.productTarief,
            !Self.pastBijTarief(bedrag: bedrag, volume: prestatie.geleverdVolume, tarief: tarief)
        {
            add("TR346", "\(pad())/IngediendBedrag", "Bedrag \(bedrag) is not GeleverdVolume × ProductTarief")
        }
    }

    /// TR346 compares the Bedrag with the volume times the *unrounded* tariff (retourcode 9346),
    /// a level-4 check against the contract; the message carries the ProductTarief rounded to
    /// whole eurocent (IV081: an hour tariff declared per minute is the hour tariff / 60). On the
    /// message alone a Bedrag is wrong only when no tariff that rounds to the ProductTarief
    /// gives it: |bedrag − volume × tarief| ≤ volume / 2 + 1/2, in whole numbers doubled.
    static func pastBijTarief(bedrag: Int, volume: Int, tarief: Int) -> Bool {
        abs(2 * bedrag - 2 * volume * tarief) <= volume + 1
    }

    mutating func bedrag(_ bedrag: Bedrag, _ pad: @autoclosure () -> String) {
        if bedrag.eurocent == 0, bedrag.debetCredit == .credit {
            add("CS325", "\(pad())/DebetCredit", "a zero amount must be debet")
        }
    }
}

/// The logical key of a start line (report §4.5).
private struct StartSleutel: Hashable {
    var nummer: Int?
    var product: Product?
    var begindatum: Datum
}

/// The logical key of a stop line: the start's key plus RedenBeeindiging (3.2) and Einddatum.
private struct StopSleutel: Hashable {
    var start: StartSleutel
    var reden: RedenBeeindiging
    var einddatum: Datum
}
