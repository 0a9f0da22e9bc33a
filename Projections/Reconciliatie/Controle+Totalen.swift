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
        // Summed in 1/300 of the toewijzing's unit, which every factor (1, 60, 100) divides, so
        // minutes or eurocent are never rounded before the comparison.
        let schaal = 300
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
                    "Som geleverd volume \((som + schaal - 1) / schaal) boven totaal \(maximum) van toewijzing \(t.nummer) "
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

    /// A debet after an earlier, not rejected and not credited debet for the same toewijzing,
    /// product and ProductPeriode: TR416 within one 323, TR389 across 323s.
    private func dubbeleDebets(_ prestaties: [Dossier.Prestatie]) -> [Constatering] {
        var resultaat: [Constatering] = []
        let groepen = Dictionary(grouping: prestaties.filter { $0.status != "afgewezen" }) {
            [$0.aanbieder, $0.productCategorie, $0.productCode, $0.begindatum.description, $0.einddatum.description]
        }
        for groep in groepen.values where groep.count > 1 {
            let volgorde = groep.sorted {
                ($0.dagtekening, $0.declaratieNummer, $0.referentieNummer)
                    < ($1.dagtekening, $1.declaratieNummer, $1.referentieNummer)
            }
            for (index, p) in volgorde.enumerated() {
                guard let eerder = volgorde[..<index].first(where: { $0.status != "gecrediteerd" }) else { continue }
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

    /// TR323: a credit names an approved debet; TR390: a debet is credited once. Both look among
    /// the prestaties of one toewijzing, where a credit, an exact copy of its debet (IV091), belongs.
    func creditRegels() -> [Constatering] {
        var resultaat: [Constatering] = []
        let debets = Dictionary(
            dossier.prestaties.filter { !$0.credit }.map {
                ([$0.standaard, $0.gemeente, $0.aanbieder, $0.referentieNummer], $0)
            }
        ) { eerste, _ in eerste }
        let credits = dossier.prestaties.filter(\.credit)
        for c in credits {
            let vorig = c.vorigReferentieNummer ?? ""
            let debet = debets[[c.standaard, c.gemeente, c.aanbieder, vorig]]
            if let debet, debet.status != "afgewezen", debet.antwoordPositie != nil { continue }
            let reden = switch debet?.status {
            case nil: "geen eerdere debetprestatie"
            case "afgewezen": "die prestatie is afgewezen"
            default: "die prestatie is nog niet toegekend"
            }
            resultaat.append(constatering(
                "TR323", .fout, "Credit van \(vorig): \(reden) (8017)", over: c,
                andere: [debet?.positie, debet?.antwoordPositie]))
        }
        let perDebet = Dictionary(grouping: credits.filter { $0.status != "afgewezen" }) {
            [$0.standaard, $0.gemeente, $0.aanbieder, $0.vorigReferentieNummer ?? ""]
        }
        for groep in perDebet.values where groep.count > 1 {
            let volgorde = groep.sorted {
                ($0.dagtekening, $0.declaratieNummer, $0.referentieNummer)
                    < ($1.dagtekening, $1.declaratieNummer, $1.referentieNummer)
            }
            for c in volgorde.dropFirst() {
                resultaat.append(constatering(
                    "TR390", .fout,
                    "\(c.vorigReferentieNummer ?? "") is al gecrediteerd met \(volgorde[0].referentieNummer)",
                    over: c, andere: [volgorde[0].positie]))
            }
        }
        return resultaat
    }
}
