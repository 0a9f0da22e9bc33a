import Berichten

extension Controle {
    /// The rules one debet prestatie is checked by against its contract, its toewijzing and its
    /// start (report §6.2, §6.6, §6.7). The contract needs no toewijzing, so it is checked first.
    /// The toewijzing is the version known on the 323's dagtekening (``Dossier/versie(voor:)``).
    func prestatieRegels() -> [Constatering] {
        var resultaat: [Constatering] = []
        for p in dossier.prestaties where !p.credit {
            if let tarief = tariefRegel(p) ?? contractRegel(p) { resultaat.append(tarief) }
            let sleutel = Dossier.sleutel(p.standaard, p.gemeente, p.toewijzingNummer)
            guard let t = dossier.versie(voor: p), t.bsn == p.bsn, t.aanbieder == p.aanbieder else {
                resultaat.append(geenToewijzing(p))
                continue
            }
            if t.verwijderd {
                resultaat.append(constatering(
                    "TR384", .fout, "Toewijzing \(t.nummer) is verwijderd (RedenWijziging 13)", over: p,
                    andere: [t.positie]))
                continue
            }
            resultaat += periodeRegels(p, t) + productRegels(p, t)
            if let eenheid = eenheidRegel(p, t) { resultaat.append(eenheid) }
            if let volume = volumeRegel(p, t) { resultaat.append(volume) }
            if dossier.leveringen[sleutel] == nil {
                resultaat.append(constatering(
                    "OP364", .signaal,
                    "Prestatie op toewijzing \(t.nummer) zonder gemelde start; regie is geen betaalvoorwaarde",
                    over: p, andere: [t.positie]))
            }
        }
        return resultaat
    }

    /// TR307/TR308: the ProductPeriode lies inside the toewijzing; TR387/TR388: it starts on the
    /// first of the month or the later ingangsdatum and ends on the last of the month or the
    /// earlier einddatum (IV089).
    private func periodeRegels(_ p: Dossier.Prestatie, _ t: Dossier.Toewijzing) -> [Constatering] {
        var resultaat: [Constatering] = []
        if p.begindatum < t.ingangsdatum {
            resultaat.append(constatering(
                "TR307", .fout,
                "ProductPeriode begint \(p.begindatum), voor ingangsdatum \(t.ingangsdatum) van toewijzing \(t.nummer)",
                over: p, andere: [t.positie]))
        } else {
            let verwacht = max(p.begindatum.eersteVanDeMaand, t.ingangsdatum)
            if p.begindatum != verwacht {
                resultaat.append(constatering(
                    "TR387", .fout,
                    "ProductPeriode begint \(p.begindatum), verwacht \(verwacht) (eerste van de maand of ingangsdatum)",
                    over: p, andere: [t.positie]))
            }
        }
        if let einde = t.einddatum, p.einddatum > einde {
            resultaat.append(constatering(
                "TR308", .fout,
                "ProductPeriode eindigt \(p.einddatum), na einddatum \(einde) van toewijzing \(t.nummer)",
                over: p, andere: [t.positie]))
        } else {
            let verwacht = min(p.begindatum.laatsteDagVanDeMaand, t.einddatum ?? p.begindatum.laatsteDagVanDeMaand)
            if p.einddatum != verwacht {
                resultaat.append(constatering(
                    "TR388", .fout,
                    "ProductPeriode eindigt \(p.einddatum), verwacht \(verwacht) (laatste van de maand of einddatum)",
                    over: p, andere: [t.positie]))
            }
        }
        return resultaat
    }

    /// TR339/TR340: a specifieke (or aspecifieke) toewijzing fixes the category (and code).
    private func productRegels(_ p: Dossier.Prestatie, _ t: Dossier.Toewijzing) -> [Constatering] {
        var resultaat: [Constatering] = []
        if let categorie = t.productCategorie, categorie != p.productCategorie {
            resultaat.append(constatering(
                "TR339", .fout,
                "Productcategorie \(p.productCategorie) wijkt af van \(categorie) in toewijzing \(t.nummer)",
                over: p, andere: [t.positie]))
        }
        if let code = t.productCode, code != p.productCode {
            resultaat.append(constatering(
                "TR340", .fout, "Productcode \(p.productCode) wijkt af van \(code) in toewijzing \(t.nummer)",
                over: p, andere: [t.positie]))
        }
        return resultaat
    }

    /// TR341: the prestatie's Eenheid fits the toewijzing's (OP267); only minutes against hours
    /// may differ (SAP Inspanningsgericht §2.5). A toewijzing without Omvang fixes no unit.
    private func eenheidRegel(_ p: Dossier.Prestatie, _ t: Dossier.Toewijzing) -> Constatering? {
        guard let eenheid = t.eenheid, Self.factor(p.eenheid, eenheid) == nil else { return nil }
        return constatering(
            "TR341", .fout, "Eenheid \(p.eenheid) past niet bij eenheid \(eenheid) van toewijzing \(t.nummer)",
            over: p, andere: [t.positie])
    }

    /// TR321 with IV076–IV078: the volume of one ProductPeriode fits the Omvang per Frequentie.
    private func volumeRegel(_ p: Dossier.Prestatie, _ t: Dossier.Toewijzing) -> Constatering? {
        guard let volume = t.volume, let frequentie = t.frequentie, let factor = Self.factor(p.eenheid, t.eenheid) else {
            return nil
        }
        let telwijze = Self.telwijze(p.standaard, t)
        let maximum = factor * Volumeplafond.perPeriode(
            volume: volume, frequentie: frequentie, van: p.begindatum, tot: p.einddatum, telwijze: telwijze)
        guard p.geleverdVolume > maximum else { return nil }
        let weken = Volumeplafond.weken(van: p.begindatum, tot: p.einddatum, telwijze: telwijze)
        let omvang = Self.volume(volume, t.eenheid)
        let uitleg: String = switch (frequentie, telwijze) {
        case (.perWeek, .zesWeken): "\(omvang) per week x 6 (huishoudelijke hulp)"
        case (.perWeek, .isoWeken): "\(omvang) per week x \(weken) ISO-weken"
        case (.perWeek, .zondagen): "\(omvang) per week x \(weken) weken op zondag (outputgericht)"
        case (.perDag, _): "\(omvang) per dag"
        case (.perMaand, _): "\(omvang) per maand"
        case (.totaalBinnenGeldigheidsduur, _): "\(omvang) totaal"
        }
        return constatering(
            "TR321", .fout,
            "Geleverd volume \(Self.volume(p.geleverdVolume, p.eenheid)) boven maximum \(Self.volume(maximum, p.eenheid)) "
                + "voor \(p.begindatum) t/m \(p.einddatum) (\(uitleg))",
            over: p, andere: [t.positie])
    }

    /// A volume in a toelichting: euro's (eurocent, IV042) as an amount, other units as the number.
    static func volume(_ volume: Int, _ eenheid: String?) -> String {
        eenheid == Eenheid.euro.rawValue ? Euro.tekst(volume) : String(volume)
    }

    /// How a "per week" Omvang is counted for toewijzing `t`: by Sunday when its Eenheid is
    /// outputgericht, else by ISO week, with 6 weeks for Wmo categorie 01 (IV077).
    static func telwijze(_ standaard: String, _ t: Dossier.Toewijzing) -> Volumeplafond.Telwijze {
        if let eenheid = t.eenheid.flatMap(Eenheid.init(rawValue:)), eenheid.isOutputgericht {
            return .zondagen(ingangsdatum: t.ingangsdatum, einddatum: t.einddatum)
        }
        return standaard == Standaard.iWmo.rawValue && t.productCategorie == "01" ? .zesWeken : .isoWeken
    }

    /// How many units of the prestatie make one unit of the toewijzing: equal units (also
    /// euro's: the toewijzing's Volume and the GeleverdVolume are both eurocent, IV042 and CS339),
    /// or minutes declared against hours (the one exception the SAP allows); nil when they do
    /// not fit (TR341).
    static func factor(_ prestatie: String, _ toewijzing: String?) -> Int? {
        if prestatie == toewijzing { return 1 }
        if prestatie == Eenheid.minuut.rawValue && toewijzing == Eenheid.uur.rawValue { return 60 }
        return nil
    }

    /// A product the contract does not list: when the snapshot holds a contract between the
    /// gemeente and the aanbieder but no tariff for this product on the first day of the
    /// ProductPeriode, the prestatie may be outside what was bought. A signaal, not a fout:
    /// the standard has no rule for it, and TR418 needs a tariff to compare with.
    private func contractRegel(_ p: Dossier.Prestatie) -> Constatering? {
        guard grondslag.heeftContract(gemeente: p.gemeente, aanbieder: p.aanbieder),
            grondslag.tarief(
                gemeente: p.gemeente, aanbieder: p.aanbieder, categorie: p.productCategorie, code: p.productCode,
                op: p.begindatum) == nil
        else { return nil }
        return constatering(
            "CONTRACT", .signaal,
            "Geen contracttarief voor \(p.productCategorie)/\(p.productCode) op \(p.begindatum) in het contract "
                + "van gemeente \(p.gemeente) met deze aanbieder",
            over: p)
    }

    /// TR418 (retourcode 0611): the ProductTarief is the contract tariff of the product on the
    /// first day of the ProductPeriode, per the prestatie's Eenheid, within the rule set's margin.
    /// A tariff per uur is per minuut the hour tariff / 60, rounded to whole eurocent (IV081); the
    /// bedrag at stake is the IngediendBedrag minus the contract's price of the volume (hour
    /// tariff × minutes / 60, rounded). Units that do not convert into each other are a signaal.
    private func tariefRegel(_ p: Dossier.Prestatie) -> Constatering? {
        guard let tarief = p.productTarief,
            let contract = grondslag.tarief(
                gemeente: p.gemeente, aanbieder: p.aanbieder, categorie: p.productCategorie, code: p.productCode,
                op: p.begindatum)
        else { return nil }
        let eenheid = contract.regel.eenheid?.rawValue ?? p.eenheid
        // The contract tariff per prestatie unit is tarief × maal / deel.
        let (maal, deel): (Int, Int)
        if let factor = Self.factor(p.eenheid, eenheid) {
            (maal, deel) = (1, factor)
        } else if let factor = Self.factor(eenheid, p.eenheid) {
            (maal, deel) = (factor, 1)
        } else {
            return constatering(
                "CONTRACT", .signaal,
                "Contracttarief voor \(p.productCode) is per eenheid \(eenheid), de prestatie in eenheid \(p.eenheid): "
                    + "niet te vergelijken",
                over: p, andere: [contract.positie])
        }
        func afgerond(_ teller: Int) -> Int { (2 * teller + deel) / (2 * deel) }
        let perEenheid = afgerond(contract.regel.tarief * maal)
        guard abs(tarief - perEenheid) > regelset.tariefMarge else { return nil }
        let perContract = eenheid == p.eenheid ? "" : " per eenheid \(p.eenheid), \(Euro.tekst(contract.regel.tarief)) per \(eenheid)"
        return constatering(
            "TR418", .fout,
            "Tarief \(Euro.tekst(tarief)) wijkt af van contracttarief \(Euro.tekst(perEenheid))\(perContract) voor "
                + "\(p.productCode) op \(p.begindatum) (0611)",
            over: p, andere: [contract.positie],
            bedrag: p.bedrag - afgerond(contract.regel.tarief * maal * p.geleverdVolume))
    }
}
