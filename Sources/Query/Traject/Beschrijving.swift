import Berichten
import Declaraties
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// Says in plain Dutch what one message did to the subject of a timeline, and lists the lines
/// it carried about that subject as data, each with the current state it led to.
///
/// Only the lines about the subject count: a 323 holds the claims of many clients, a 301 may
/// repeat toewijzingen that did not change. Descriptions are made in business order, so that
/// a toewijzing version that was sent before is recognised as a repetition.
struct Beschrijving {
    typealias Object = [(key: String, value: Cell)]

    let onderwerp: Traject.Onderwerp
    let stand: TrajectStand
    /// For a toewijzing's timeline: the ReferentieAanbieder of the requests it honours.
    let referenties: Set<String>
    /// Toewijzing versions described so far, by gemeente, number and moment of decision.
    private var gezien: Set<String> = []

    init(onderwerp: Traject.Onderwerp, stand: TrajectStand, referenties: Set<String>) {
        self.onderwerp = onderwerp
        self.stand = stand
        self.referenties = referenties
    }

    mutating func beschrijf(_ bericht: Bericht) -> (omschrijving: String, details: [Object]) {
        let gemeente = "gemeente \(bericht.gemeente)"
        let aanbieder = "aanbieder \(bericht.aanbieder)"
        switch bericht.inhoud {
        case .toewijzing(let client, let producten):
            let lines = producten.filter { betreft(client.bsn, $0.toewijzingNummer, bericht) }
            return (gemeente + " " + zin(lines.map { toewijzing($0, bericht) }), lines.map { details($0, bericht) })
        case .start(let client, let producten):
            let lines = producten.filter { betreft(client.bsn, $0.toewijzingNummer, bericht) }
            return (aanbieder + " " + zin(lines.map(start)), lines.map { details($0, client: client, bericht) })
        case .stop(let client, let producten):
            let lines = producten.filter { betreft(client.bsn, $0.toewijzingNummer, bericht) }
            return (aanbieder + " " + zin(lines.map(stop)), lines.map { details($0, client: client, bericht) })
        case .verzoekOmToewijzing(let client, _, let producten):
            let lines = producten.filter {
                if case .toewijzing = onderwerp { return referenties.contains($0.referentieAanbieder) }
                return onderwerp.betreft(bsn: client.bsn)
            }
            return (aanbieder + " " + zin(lines.map(aanvraag)), lines.map { details($0, bericht) })
        case .verzoekOmWijziging(_, let verzoek):
            return (aanbieder + " " + wijzigingsverzoek(verzoek), [details(verzoek, bericht)])
        case .antwoord(let antwoord):
            return (gemeente + " " + antwoordZin(antwoord), [details(antwoord, bericht)])
        case .declaratie(let declaratie):
            return declaratieZin(declaratie, bericht)
        case .declaratieAntwoord(let antwoord):
            return declaratieAntwoordZin(antwoord, bericht)
        case .toewijzingRetour, .startRetour, .stopRetour, .verzoekOmToewijzingRetour, .verzoekOmWijzigingRetour,
            .antwoordRetour:
            return (retourZin(bericht), [])
        }
    }

    // MARK: - Selection

    private func betreft(_ bsn: String, _ nummer: Int?, _ bericht: Bericht) -> Bool {
        onderwerp.betreft(bsn: bsn) && onderwerp.betreft(nummer: nummer, gemeente: bericht.gemeente)
    }

    /// Several lines in one sentence: `a; b; c`. A message about the subject always has one.
    private func zin(_ delen: [String]) -> String {
        delen.isEmpty ? "stuurde een bericht zonder regels over dit onderwerp" : delen.joined(separator: "; ")
    }

    // MARK: - Toewijzing (301)

    private mutating func toewijzing(_ product: ToegewezenProduct, _ bericht: Bericht) -> String {
        let nummer = "toewijzing \(product.toewijzingNummer)"
        let versie =
            "\(bericht.gemeente)/\(product.toewijzingNummer)/\(product.toewijzingsdatum)/\(product.toewijzingstijd)"
        let wat = Woorden.product(product.product)
        if product.redenWijziging == .verwijderd { return "trok \(nummer) in (\(wat))" }
        if !gezien.insert(versie).inserted {
            let sinds = bekendeVersie(product, bericht).map { ", bekend sinds \($0.bekend.bekendSinds)" } ?? ""
            return "herhaalde \(nummer) ongewijzigd (\(wat))" + sinds
        }
        var delen: [String] = []
        if let omvang = product.omvang { delen.append(Woorden.omvang(omvang)) }
        if let budget = product.budget { delen.append("budget \(Woorden.bedrag(budget))") }
        delen.append(Woorden.periode(product.ingangsdatum, product.einddatum))
        if let vervangt = bekendeVersie(product, bericht)?.vervangt {
            delen.append("vervangt de versie van \(vervangt.toewijzingsdatum) \(vervangt.toewijzingstijd)")
        }
        if let reden = product.redenWijziging {
            return "wijzigde \(nummer) (\(Woorden.redenWijziging(reden))): \(wat), " + delen.joined(separator: ", ")
        }
        if let referentie = product.referentieAanbieder { delen.append("op verzoek \(referentie)") }
        return "wees \(wat) toe (\(nummer)), " + delen.joined(separator: ", ")
    }

    private func details(_ product: ToegewezenProduct, _ bericht: Bericht) -> Object {
        let huidig = stand.toewijzing(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, nummer: product.toewijzingNummer)
        let versie = bekendeVersie(product, bericht)
        return [
            ("toewijzingNummer", .integer(Int64(product.toewijzingNummer))),
            ("referentieAanbieder", .text(product.referentieAanbieder)),
            ("productCategorie", .text(product.product?.categorie)), ("productCode", .text(product.product?.code)),
            ("toewijzingsdatum", .text(product.toewijzingsdatum.description)),
            ("toewijzingstijd", .text(product.toewijzingstijd.description)),
            ("ingangsdatum", .text(product.ingangsdatum.description)),
            ("einddatum", .text(product.einddatum?.description)),
            ("volume", .integer(product.omvang.map { Int64($0.volume) })),
            ("eenheid", .text(product.omvang?.eenheid.rawValue)),
            ("frequentie", .text(product.omvang?.frequentie.rawValue)),
            ("budget", .integer(product.budget.map(Int64.init))),
            ("redenWijziging", .text(product.redenWijziging?.rawValue)), ("status", .text(huidig?.status)),
            ("bekendSinds", .text(versie?.bekend.bekendSinds)), ("positie", .integer(versie?.bekend.positie)),
            ("vervangtToewijzingsdatum", .text(versie?.vervangt?.toewijzingsdatum)),
            ("vervangtToewijzingstijd", .text(versie?.vervangt?.toewijzingstijd)),
            ("vervangtPositie", .integer(versie?.vervangt?.positie)),
        ]
    }

    /// When this line's version became known, and the version it replaced (see ``TrajectStand/versie``).
    private func bekendeVersie(
        _ product: ToegewezenProduct, _ bericht: Bericht
    ) -> (bekend: ToewijzingRij, vervangt: ToewijzingRij?)? {
        stand.versie(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, nummer: product.toewijzingNummer,
            datum: product.toewijzingsdatum.description, tijd: product.toewijzingstijd.description)
    }

    // MARK: - Start and stop (305, 307)

    private func start(_ product: StartProduct) -> String {
        let wat = leveringsproduct(product.toewijzingNummer, product.product)
        return product.statusAanlevering == .verwijderenAanlevering
            ? "trok de start van \(product.begindatum) in (\(wat))" : "meldde start \(product.begindatum) (\(wat))"
    }

    private func stop(_ product: StopProduct) -> String {
        let wat = leveringsproduct(product.toewijzingNummer, product.product) + ", gestart \(product.begindatum)"
        if product.statusAanlevering == .verwijderenAanlevering {
            return "trok de stop per \(product.einddatum) in (\(wat))"
        }
        if product.redenBeeindiging.betekenis == .tijdelijkBeeindigd {
            return "meldde tijdelijke stop per \(product.einddatum) (\(wat))"
        }
        return
            "meldde einde zorg per \(product.einddatum), \(Woorden.redenBeeindiging(product.redenBeeindiging)) (\(wat))"
    }

    private func leveringsproduct(_ nummer: Int?, _ product: Product?) -> String {
        [nummer.map { "toewijzing \($0)" }, product.map { Woorden.product($0) }].compactMap(\.self)
            .joined(separator: ", ")
    }

    private func details(_ product: StartProduct, client: Client, _ bericht: Bericht) -> Object {
        levering(
            nummer: product.toewijzingNummer, product: product.product, begindatum: product.begindatum,
            statusAanlevering: product.statusAanlevering, extra: [], client: client, bericht)
    }

    private func details(_ product: StopProduct, client: Client, _ bericht: Bericht) -> Object {
        levering(
            nummer: product.toewijzingNummer, product: product.product, begindatum: product.begindatum,
            statusAanlevering: product.statusAanlevering,
            extra: [
                ("redenBeeindiging", .text(product.redenBeeindiging.rawValue)),
                ("einddatum", .text(product.einddatum.description)),
            ], client: client, bericht)
    }

    /// A start or stop line: its logical key, what it adds, and the delivery period it concerns now.
    private func levering(
        nummer: Int?, product: Product?, begindatum: Datum, statusAanlevering: StatusAanlevering, extra: Object,
        client: Client, _ bericht: Bericht
    ) -> Object {
        let periode = stand.periode(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, aanbieder: bericht.aanbieder,
            bsn: client.bsn, nummer: nummer, product: product, begindatum: begindatum)
        return [
            ("toewijzingNummer", .integer(nummer.map(Int64.init))),
            ("productCategorie", .text(product?.categorie)), ("productCode", .text(product?.code)),
            ("begindatum", .text(begindatum.description)),
        ] + extra + [("statusAanlevering", .text(statusAanlevering.rawValue)), ("status", .text(periode?.status))]
    }

    // MARK: - Requests and answers (315, 317, 319)

    private func aanvraag(_ product: AangevraagdProduct) -> String {
        var delen = ["vroeg \(Woorden.product(product.product)) aan"]
        if let omvang = product.omvang { delen.append(Woorden.omvang(omvang)) }
        if let budget = product.budget { delen.append("budget \(Woorden.bedrag(budget))") }
        delen.append(Woorden.periode(product.toewijzingIngangsdatum, product.toewijzingEinddatum))
        return delen.joined(separator: ", ") + " (verzoek \(product.referentieAanbieder))"
    }

    private func details(_ product: AangevraagdProduct, _ bericht: Bericht) -> Object {
        let verzoek = stand.verzoek(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, aanbieder: bericht.aanbieder,
            referentie: product.referentieAanbieder)
        return [
            ("referentieAanbieder", .text(product.referentieAanbieder)),
            ("productCategorie", .text(product.product?.categorie)), ("productCode", .text(product.product?.code)),
            ("toewijzingIngangsdatum", .text(product.toewijzingIngangsdatum.description)),
            ("toewijzingEinddatum", .text(product.toewijzingEinddatum?.description)),
            ("volume", .integer(product.omvang.map { Int64($0.volume) })),
            ("eenheid", .text(product.omvang?.eenheid.rawValue)),
            ("frequentie", .text(product.omvang?.frequentie.rawValue)),
            ("budget", .integer(product.budget.map(Int64.init))), ("status", .text(verzoek?.status)),
        ]
    }

    private func wijzigingsverzoek(_ verzoek: Verzoek) -> String {
        var delen: [String] = []
        if !verzoek.teWijzigenProducten.isEmpty {
            delen.append(
                "toewijzing "
                    + verzoek.teWijzigenProducten.map { String($0.toewijzingNummer) }
                    .joined(separator: ", ") + " anders")
        }
        if !verzoek.nieuweProducten.isEmpty {
            delen.append(verzoek.nieuweProducten.map { Woorden.product($0.product) }.joined(separator: ", ") + " erbij")
        }
        return "vroeg om wijziging (\(Woorden.redenVerzoek(verzoek.redenVerzoek))): "
            + (delen.isEmpty ? "niets anders" : delen.joined(separator: ", "))
            + " (verzoek \(verzoek.referentieAanbieder))"
    }

    private func details(_ verzoek: Verzoek, _ bericht: Bericht) -> Object {
        let huidig = stand.verzoek(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, aanbieder: bericht.aanbieder,
            referentie: verzoek.referentieAanbieder)
        return [
            ("referentieAanbieder", .text(verzoek.referentieAanbieder)),
            ("redenVerzoek", .text(verzoek.redenVerzoek.rawValue)), ("status", .text(huidig?.status)),
        ]
    }

    private func antwoordZin(_ antwoord: Antwoord) -> String {
        switch antwoord.verzoekAntwoord {
        case .afgewezen:
            "wees verzoek \(antwoord.referentieAanbieder) af"
                + (antwoord.redenAfwijzingVerzoek.map { " (\(Woorden.redenAfwijzing($0)))" } ?? "")
        case .inOnderzoek: "nam verzoek \(antwoord.referentieAanbieder) in onderzoek"
        }
    }

    private func details(_ antwoord: Antwoord, _ bericht: Bericht) -> Object {
        let verzoek = stand.verzoek(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, aanbieder: bericht.aanbieder,
            referentie: antwoord.referentieAanbieder)
        return [
            ("referentieAanbieder", .text(antwoord.referentieAanbieder)),
            ("verzoekAntwoord", .text(antwoord.verzoekAntwoord.rawValue)),
            ("redenAfwijzingVerzoek", .text(antwoord.redenAfwijzingVerzoek?.rawValue)),
            ("status", .text(verzoek?.status)),
        ]
    }

    // MARK: - Claims (323, 325)

    private func prestaties(_ clienten: [ClientPrestaties], _ bericht: Bericht) -> [Prestatie] {
        clienten.filter { onderwerp.betreft(bsn: $0.client.bsn) }.flatMap(\.prestaties)
            .filter { onderwerp.betreft(nummer: $0.toewijzingNummer, gemeente: bericht.gemeente) }
    }

    private func declaratieZin(_ declaratie: Declaratie, _ bericht: Bericht) -> (String, [Object]) {
        let lines = prestaties(declaratie.clienten, bericht)
        let credits = lines.count { $0.ingediendBedrag.debetCredit == .credit }
        let totaal = lines.reduce(0) { $0 + $1.ingediendBedrag.metTeken }
        let maand = String(declaratie.declaratiePeriode.begindatum.description.prefix(7))
        let zin =
            "aanbieder \(bericht.aanbieder) declareerde \(declaratie.declaratieNummer) over \(maand): "
            + Woorden.aantal(lines.count, "prestatie", "prestaties")
            + (credits > 0 ? " (waarvan \(credits) credit)" : "") + ", \(Woorden.bedrag(totaal))"
        return (zin, lines.map { details($0, declaratieNummer: declaratie.declaratieNummer, bericht) })
    }

    private func declaratieAntwoordZin(_ antwoord: DeclaratieAntwoord?, _ bericht: Bericht) -> (String, [Object]) {
        let gemeente = "gemeente \(bericht.gemeente)"
        guard let antwoord else { return (gemeente + " " + retourZin(bericht), []) }
        let nummer = antwoord.declaratieNummer
        if bericht.wijstHeenberichtAf {
            return (
                gemeente
                    + " wees declaratie \(nummer) in zijn geheel af (\(afwijzend(bericht).joined(separator: " ")))", []
            )
        }
        // The 325 lists only the prestaties it rejects (TR342): not listed means awarded.
        let lines = prestaties(antwoord.clienten, bericht)
        let zin =
            lines.isEmpty
            ? "kende declaratie \(nummer) toe"
            : "wees " + Woorden.aantal(lines.count, "prestatie", "prestaties") + " van declaratie \(nummer) af ("
                + Array(Set(lines.flatMap(\.retourCodes))).sorted().joined(separator: " ") + ")"
        let totaal =
            " (hele declaratie: \(Woorden.bedrag(antwoord.totaalToegekendBedrag.metTeken)) van "
            + "\(Woorden.bedrag(antwoord.totaalIngediendBedrag.metTeken)) toegekend)"
        return (gemeente + " " + zin + totaal, lines.map { details($0, declaratieNummer: nummer, bericht) })
    }

    private func details(_ prestatie: Prestatie, declaratieNummer: String, _ bericht: Bericht) -> Object {
        let huidig = stand.prestatie(
            standaard: bericht.standaard.rawValue, gemeente: bericht.gemeente, aanbieder: bericht.aanbieder,
            declaratieNummer: declaratieNummer, referentieNummer: prestatie.referentieNummer)
        return [
            ("declaratieNummer", .text(declaratieNummer)), ("referentieNummer", .text(prestatie.referentieNummer)),
            ("vorigReferentieNummer", .text(prestatie.vorigReferentieNummer)),
            ("toewijzingNummer", .integer(Int64(prestatie.toewijzingNummer))),
            ("productCategorie", .text(prestatie.productCategorie)), ("productCode", .text(prestatie.productCode)),
            ("begindatum", .text(prestatie.productPeriode.begindatum.description)),
            ("einddatum", .text(prestatie.productPeriode.einddatum.description)),
            ("geleverdVolume", .integer(Int64(prestatie.geleverdVolume))),
            ("eenheid", .text(prestatie.eenheid.rawValue)),
            ("productTarief", .integer(prestatie.productTarief.map(Int64.init))),
            ("bedrag", .integer(Int64(prestatie.ingediendBedrag.metTeken))), ("status", .text(huidig?.status)),
            // A 325 line carries its own codes; a 323 line has those the 325 gave it.
            ("retourCodes", .list(prestatie.retourCodes.isEmpty ? huidig?.retourCodes ?? [] : prestatie.retourCodes)),
        ]
    }

    // MARK: - Retours

    /// The codes that reject; 0200 (accepted) and 0233 (not assessed) only accept.
    private func afwijzend(_ bericht: Bericht) -> [String] {
        bericht.retourCodes.filter { $0 != "0200" && $0 != "0233" && $0 != "8001" }
    }

    private func retourZin(_ bericht: Bericht) -> String {
        let heen = bericht.berichttype.heenbericht.map(Woorden.onderwerp) ?? "het bericht"
        // The gemeente answers what the aanbieder sent and the other way round.
        let afzender =
            [.toewijzingRetour, .antwoordRetour].contains(bericht.berichttype)
            ? "aanbieder \(bericht.aanbieder)" : "gemeente \(bericht.gemeente)"
        return bericht.wijstHeenberichtAf
            ? "\(afzender) keurde \(heen) af (\(afwijzend(bericht).joined(separator: " ")))"
            : "\(afzender) keurde \(heen) goed"
    }
}
