import Berichten

extension Controle {
    /// Rules over all prestaties of one toewijzing: TR322 (total Omvang), TR369 (Budget) and
    /// TR389/TR416 (a second debet for the same product and period without a credit).
    ///
    /// Prestaties are taken in the order of their ProductPeriode, then ReferentieNummer, so the
    /// finding lands on the prestatie that crosses the limit, whatever order they arrived in. Each
    /// prestatie is held to the limit of the version known on its 323's dagtekening; prestaties
    /// without one (TR338) or on a deleted version (TR384) do not count.
    func totaalRegels() -> [Constatering] {
        var resultaat: [Constatering] = []
        let perToewijzing = Dictionary(grouping: dossier.prestaties.filter { !$0.credit }) {
            Dossier.sleutel($0.standaard, $0.gemeente, $0.toewijzingNummer)
        }
        for prestaties in perToewijzing.values {
            let tellend = prestaties.filter(\.telt).sorted {
                ($0.begindatum, $0.referentieNummer) < ($1.begindatum, $1.referentieNummer)
            }
            let beoordeeld = tellend.compactMap { p in dossier.versie(voor: p).flatMap { $0.verwijderd ? nil : (p, $0) } }
            if let totaal = totaalVolume(beoordeeld) { resultaat.append(totaal) }
            if let budget = budget(beoordeeld) { resultaat.append(budget) }
            resultaat += dubbeleDebets(prestaties)
        }
        return resultaat
    }

    private func totaalVolume(_ prestaties: [(Dossier.Prestatie, Dossier.Toewijzing)]) -> Constatering? {
        // Summed in 1/60 of the toewijzing's unit, which every factor (1, 60) divides, so
        // minutes are never rounded before the comparison.
        let schaal = 60
        var som = 0
        for (index, (p, t)) in prestaties.enumerated() {
            guard let factor = Self.factor(p.eenheid, t.eenheid) else { continue }
            som += p.geleverdVolume * (schaal / factor)
            guard let volume = t.volume, let frequentie = t.frequentie,
                let maximum = Volumeplafond.totaal(
                    volume: volume, frequentie: frequentie, ingangsdatum: t.ingangsdatum, einddatum: t.einddatum)
            else { continue }
            if som > maximum * schaal {
                return constatering(
                    "TR322", .fout,
                    "Som geleverd volume \(Self.volume((som + schaal - 1) / schaal, t.eenheid)) boven totaal "
                        + "\(Self.volume(maximum, t.eenheid)) van toewijzing \(t.nummer) "
                        + "(\(t.ingangsdatum) t/m \(t.einddatum.map(String.init(describing:)) ?? ""))",
                    over: p, andere: [t.positie] + prestaties[..<index].map(\.0.positie))
            }
        }
        return nil
    }

    private func budget(_ prestaties: [(Dossier.Prestatie, Dossier.Toewijzing)]) -> Constatering? {
        var som = 0
        for (index, (p, t)) in prestaties.enumerated() {
            som += p.bedrag
            if let budget = t.budget, som > budget {
                return constatering(
                    "TR369", .fout,
                    "Som ingediende bedragen \(Euro.tekst(som)) boven budget \(Euro.tekst(budget)) "
                        + "van toewijzing \(t.nummer)",
                    over: p, andere: [t.positie] + prestaties[..<index].map(\.0.positie))
            }
        }
        return nil
    }

    /// A debet after an earlier debet for the same toewijzing, product and ProductPeriode that
    /// still stands (neither rejected nor credited): TR416 within one 323, TR389 across 323s. The
    /// later one is a finding whether or not the gemeente already rejected it (with 9389 or so).
    private func dubbeleDebets(_ prestaties: [Dossier.Prestatie]) -> [Constatering] {
        var resultaat: [Constatering] = []
        let groepen = Dictionary(grouping: prestaties) {
            [$0.aanbieder, $0.productCategorie, $0.productCode, $0.begindatum.description, $0.einddatum.description]
        }
        for groep in groepen.values where groep.count > 1 {
            let volgorde = groep.sorted(by: Self.eerder)
            for (index, p) in volgorde.enumerated() {
                guard let eerder = volgorde[..<index].first(where: \.telt) else { continue }
                let regel = eerder.positie == p.positie ? "TR416" : "TR389"
                resultaat.append(constatering(
                    regel, .fout,
                    "Tweede debet voor toewijzing \(p.toewijzingNummer), \(p.productCode), "
                        + "\(p.begindatum) t/m \(p.einddatum) naast \(eerder.referentieNummer) zonder credit",
                    over: p, andere: [eerder.positie]))
            }
        }
        return resultaat
    }

    /// TR323: a credit names an approved debet by its ReferentieNummer (the key of a prestatie,
    /// report §4.5); IV091: it is an exact copy of that debet. A credit that breaks either leaves
    /// the debet standing. TR390: a debet is credited once. All look among the prestaties of one
    /// toewijzing, where a credit, an exact copy of its debet, belongs.
    func creditRegels() -> [Constatering] {
        var resultaat: [Constatering] = []
        let debets = Dictionary(grouping: dossier.prestaties.filter { !$0.credit }) {
            [$0.standaard, $0.gemeente, $0.aanbieder, $0.referentieNummer]
        }
        let credits = dossier.prestaties.filter(\.credit)
        for c in credits where !c.exacteKopie {
            let vorig = c.vorigReferentieNummer ?? ""
            let kandidaten = debets[[c.standaard, c.gemeente, c.aanbieder, vorig]] ?? []
            let debet = kandidaten.first { $0.status != "afgewezen" && $0.antwoordPositie != nil } ?? kandidaten.first
            let andere = [debet?.positie, debet?.antwoordPositie]
            guard let debet, debet.status != "afgewezen", debet.antwoordPositie != nil else {
                let reden = switch debet?.status {
                case nil: "geen eerdere debetprestatie op toewijzing \(c.toewijzingNummer)"
                case "afgewezen": "die prestatie is afgewezen"
                default: "die prestatie is nog niet toegekend"
                }
                resultaat.append(constatering("TR323", .fout, "Credit van \(vorig): \(reden) (8017)", over: c, andere: andere))
                continue
            }
            resultaat.append(constatering(
                "IV091", .fout,
                "Credit van \(vorig) is geen exacte kopie van die debetprestatie (\(Self.afwijkingen(c, debet))); "
                    + "de debetprestatie blijft staan",
                over: c, andere: andere))
        }
        let perDebet = Dictionary(grouping: credits.filter { $0.exacteKopie && $0.status != "afgewezen" }) {
            [$0.standaard, $0.gemeente, $0.aanbieder, $0.vorigReferentieNummer ?? ""]
        }
        for groep in perDebet.values where groep.count > 1 {
            let volgorde = groep.sorted(by: Self.eerder)
            for c in volgorde.dropFirst() {
                resultaat.append(constatering(
                    "TR390", .fout,
                    "\(c.vorigReferentieNummer ?? "") is al gecrediteerd met \(volgorde[0].referentieNummer)",
                    over: c, andere: [volgorde[0].positie]))
            }
        }
        return resultaat
    }

    /// The fields in which credit `c` differs from `debet`, for the toelichting of IV091.
    private static func afwijkingen(_ c: Dossier.Prestatie, _ debet: Dossier.Prestatie) -> String {
        let velden: [(String, Bool)] = [
            ("client", c.bsn != debet.bsn),
            ("product", (c.productCategorie, c.productCode) != (debet.productCategorie, debet.productCode)),
            ("periode", (c.begindatum, c.einddatum) != (debet.begindatum, debet.einddatum)),
            ("volume \(c.geleverdVolume) i.p.v. \(debet.geleverdVolume)", c.geleverdVolume != debet.geleverdVolume),
            ("eenheid", c.eenheid != debet.eenheid),
            ("tarief", c.productTarief != debet.productTarief),
            ("bedrag \(Euro.tekst(-c.bedrag)) i.p.v. \(Euro.tekst(debet.bedrag))", c.bedrag != -debet.bedrag),
            ("zelfde ReferentieNummer", c.referentieNummer == debet.referentieNummer),
        ]
        return velden.filter(\.1).map(\.0).joined(separator: ", ")
    }

    /// Which of two prestaties came first: by the 323's dagtekening and DeclaratieNummer, then
    /// the place in the 323, never by arrival.
    static func eerder(_ a: Dossier.Prestatie, _ b: Dossier.Prestatie) -> Bool {
        (a.dagtekening, a.declaratieNummer, a.volgnummer, a.referentieNummer)
            < (b.dagtekening, b.declaratieNummer, b.volgnummer, b.referentieNummer)
    }
}
