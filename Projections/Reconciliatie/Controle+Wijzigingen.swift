import Berichten

/// A later change by the gemeente judged against the care already declared or delivered under
/// the version it replaced (report §6.2, §6.3, §8.3). Each finding is about the 301 that made
/// the change (its position first) and is judged by what was known on that 301's dagtekening.
///
/// A version changes the one that was current just before it: among the versions known on its
/// dagtekening, the next in the standard's order (IV013). A version that was not current itself
/// on its own dagtekening (a newer one was known already) never took effect and is not judged.
/// As with the deadlines, a 301 dated after the peildatum is not judged yet.
extension Controle {
    /// The findings on the versions of toewijzing `sleutel`; `dossier.prestaties` holds its
    /// prestaties (none when it has none).
    func wijzigingRegels(_ sleutel: String) -> [Constatering] {
        guard let versies = dossier.toewijzingen[sleutel] else { return [] }
        var resultaat: [Constatering] = []
        for (index, v) in versies.enumerated() {
            guard v.dagtekening <= peildatum, !versies[..<index].contains(where: { $0.dagtekening <= v.dagtekening }),
                let vorige = versies[(index + 1)...].first(where: { $0.dagtekening <= v.dagtekening })
            else { continue }
            if v.verwijderd {
                if !vorige.verwijderd, let c = verwijderingRegel(v) { resultaat.append(c) }
            } else {
                if let c = intrekkingRegel(v, vorige, sleutel) { resultaat.append(c) }
                if let c = omvangRegel(v, vorige) { resultaat.append(c) }
            }
        }
        return resultaat
    }

    /// TR385 (9385): a toewijzing is deleted (RedenWijziging 13) while prestaties on it are
    /// approved (a 325 that did not reject them) and not credited. The bedrag is what they were
    /// awarded: the deletion makes it unlawful (OP362).
    private func verwijderingRegel(_ v: Dossier.Toewijzing) -> Constatering? {
        let dag = v.dagtekening
        let goedgekeurd = debets(van: v).filter {
            $0.status != "afgewezen" && $0.antwoordDagtekening.map { $0 <= dag } == true && !gecrediteerd($0, op: dag)
        }
        guard !goedgekeurd.isEmpty else { return nil }
        let bedrag = goedgekeurd.reduce(0) { $0 + $1.bedrag }
        return constatering(
            "TR385", .fout,
            "Toewijzing \(v.nummer) verwijderd (RedenWijziging 13) op \(dag) met \(goedgekeurd.count) goedgekeurde, "
                + "niet gecrediteerde prestatie(s) van \(Euro.tekst(bedrag)) (9385)",
            over: v, andere: goedgekeurd.map(\.positie), bedrag: bedrag)
    }

    /// OP186 / UP031: the einddatum is moved earlier than the previous version's, while care that
    /// lay within the previous version now lies (partly) after it. Care is declared (a debet dated
    /// on or before the 301, not rejected or credited by then) or delivered (a standing start,
    /// running until its stop or, without one, at least until the 301's dagtekening). OP186 when
    /// the new einddatum lies before the 301's dagtekening (ending in the past needs the
    /// aanbieder's agreement, which the messages do not show); UP031 otherwise. Both signaal.
    private func intrekkingRegel(_ v: Dossier.Toewijzing, _ vorige: Dossier.Toewijzing, _ sleutel: String)
        -> Constatering?
    {
        guard let einde = v.einddatum, vorige.einddatum.map({ einde < $0 }) ?? true else { return nil }
        let dag = v.dagtekening
        /// Care from `begin` to `eind` lay within the previous version and reaches past the new einddatum.
        func geraakt(_ begin: Datum, _ eind: Datum) -> Bool {
            eind > einde && vorige.einddatum.map { begin <= $0 } ?? true
        }
        let gedeclareerd = debets(van: v).filter {
            $0.dagtekening <= dag && !gecrediteerd($0, op: dag) && geraakt($0.begindatum, $0.einddatum)
                && !($0.status == "afgewezen" && $0.antwoordDagtekening.map { $0 <= dag } == true)
        }
        let geleverd = (dossier.leveringen[sleutel] ?? []).compactMap { l -> Datum? in
            let tot = min(l.einddatum ?? dag, dag)
            return l.begindatum <= tot && geraakt(l.begindatum, tot) ? tot : nil
        }
        guard !gedeclareerd.isEmpty || !geleverd.isEmpty else { return nil }
        var zorg: [String] = []
        if let tot = gedeclareerd.map(\.einddatum).max() { zorg.append("gedeclareerd t/m \(tot)") }
        if let tot = geleverd.max() { zorg.append("geleverd t/m \(tot)") }
        let was = vorige.einddatum.map { "was \($0)" } ?? "had geen einddatum"
        let verleden = einde < dag
        return constatering(
            verleden ? "OP186" : "UP031", .signaal,
            "Einddatum van toewijzing \(v.nummer) vervroegd naar \(einde) (\(was)) op \(dag), terwijl zorg "
                + zorg.joined(separator: " en ") + (verleden ? "; beeindigen in het verleden vraagt instemming" : ""),
            over: v, andere: [vorige.positie] + gedeclareerd.map(\.positie))
    }

    /// IV066 / OP257: the Omvang changed under the same ToewijzingNummer. Only the Volume of a
    /// Frequentie 6 (totaal binnen geldigheidsduur) may change in place (OP033x1); any other
    /// change of Volume, Eenheid or Frequentie needs a new toewijzing with a new number.
    private func omvangRegel(_ v: Dossier.Toewijzing, _ vorige: Dossier.Toewijzing) -> Constatering? {
        guard v.volume != vorige.volume || v.eenheid != vorige.eenheid || v.frequentie != vorige.frequentie,
            !(v.frequentie == .totaalBinnenGeldigheidsduur && vorige.frequentie == .totaalBinnenGeldigheidsduur
                && v.eenheid == vorige.eenheid)
        else { return nil }
        func omvang(_ t: Dossier.Toewijzing) -> String {
            guard let volume = t.volume else { return "geen" }
            return "\(volume) (eenheid \(t.eenheid ?? ""), frequentie \(t.frequentie?.rawValue ?? ""))"
        }
        return constatering(
            "IV066", .fout,
            "Omvang van toewijzing \(v.nummer) in plaats gewijzigd van \(omvang(vorige)) naar \(omvang(v)); "
                + "alleen het volume bij frequentie 6 mag, anders een nieuw ToewijzingNummer (OP257)",
            over: v, andere: [vorige.positie])
    }

    /// The debets of this toewijzing's client and aanbieder.
    private func debets(van v: Dossier.Toewijzing) -> [Dossier.Prestatie] {
        dossier.prestaties.filter { !$0.credit && $0.aanbieder == v.aanbieder && $0.bsn == v.bsn }
    }

    /// Debet `p` was credited by a credit dated on or before `dag` that was not rejected.
    private func gecrediteerd(_ p: Dossier.Prestatie, op dag: Datum) -> Bool {
        dossier.prestaties.contains {
            $0.credit && $0.vorigReferentieNummer == p.referentieNummer && $0.aanbieder == p.aanbieder
                && $0.status != "afgewezen" && $0.dagtekening <= dag
        }
    }

    /// A finding about the 301 that carried version `t`; `andere` are the other messages involved.
    private func constatering(
        _ regel: String, _ ernst: Ernst, _ toelichting: String, over t: Dossier.Toewijzing, andere: [Int64],
        bedrag: Int? = nil
    ) -> Constatering {
        Constatering(
            regel: regel, ernst: ernst, toelichting: toelichting, standaard: t.standaard, gemeente: t.gemeente,
            aanbieder: t.aanbieder, bsn: t.bsn, toewijzingNummer: t.nummer,
            posities: [t.positie] + Set(andere).subtracting([t.positie]).sorted(), bedrag: bedrag)
    }
}
