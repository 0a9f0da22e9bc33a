import Berichten

/// The deadlines of report §6.8, in werkdagen of the rule set's ``Werkkalender``, judged one
/// message at a time. The standard counts "after receipt": from the day the message was received
/// where its transport recorded it (a VSP download's ontvangenOp, a GGK envelope's
/// tijdstipBericht), from its dagtekening otherwise, and the toelichting says which. A deadline is
/// missed when the answer (by its dagtekening) came after it, or when none came and the peildatum
/// lies after it. Messages received or dated after the peildatum are not judged yet.
extension Controle {
    /// The day a deadline counts from, and how the toelichting names it.
    private func begin(dagtekening: Datum, ontvangen: Datum?, werkdagen: Int) -> (dag: Datum, tekst: String) {
        guard let ontvangen else { return (dagtekening, "\(werkdagen) werkdagen na dagtekening") }
        return (ontvangen, "\(werkdagen) werkdagen na ontvangst op \(ontvangen)")
    }

    /// OP090: a retour within 3 werkdagen; OP090x4: a 325 within 10 werkdagen.
    func retourTermijn(_ u: Dossier.Uitwisseling) -> Constatering? {
        let declaratie = u.berichttype == "323"
        let werkdagen = declaratie ? regelset.declaratieAntwoordTermijn : regelset.retourTermijn
        let begin = begin(dagtekening: u.dagtekening, ontvangen: u.ontvangen, werkdagen: werkdagen)
        guard begin.dag <= peildatum else { return nil }
        let uiterlijk = regelset.werkkalender.termijn(na: begin.dag, werkdagen: werkdagen)
        let antwoord = declaratie ? "325" : "retour"
        let toelichting: String
        if let ontvangen = u.retourDagtekening {
            guard ontvangen > uiterlijk else { return nil }
            toelichting = "\(antwoord) op \(u.berichttype) van \(u.dagtekening) pas op \(ontvangen), "
                + "uiterlijk \(uiterlijk) (\(begin.tekst))"
        } else {
            guard peildatum > uiterlijk else { return nil }
            toelichting = "Geen \(antwoord) op \(u.berichttype) van \(u.dagtekening), "
                + "uiterlijk \(uiterlijk) (\(begin.tekst))"
        }
        return Constatering(
            regel: declaratie ? "OP090x4" : "OP090", ernst: .signaal, toelichting: toelichting,
            standaard: u.standaard, gemeente: u.gemeente, aanbieder: u.aanbieder, bsn: u.bsn,
            toewijzingNummer: u.toewijzingNummer, posities: [u.positie] + (u.retourPositie.map { [$0] } ?? []))
    }

    /// OP274 (VOT, per product) / OP346 (VOW): a 301 or 319 within 5 werkdagen; OP344: a
    /// request "in onderzoek" is decided (301 or 319 afgewezen) within 8 weeks of its dagtekening.
    func verzoekTermijnen(_ v: Dossier.Verzoek) -> [Constatering] {
        let begin = begin(dagtekening: v.dagtekening, ontvangen: v.ontvangen, werkdagen: regelset.verzoekTermijn)
        guard begin.dag <= peildatum else { return [] }
        func constatering(_ regel: String, _ toelichting: String, _ antwoord: Int64?) -> Constatering {
            Constatering(
                regel: regel, ernst: .signaal, toelichting: toelichting, standaard: v.standaard,
                gemeente: v.gemeente, aanbieder: v.aanbieder, bsn: v.bsn,
                posities: [v.positie] + (antwoord.map { [$0] } ?? []))
        }
        var resultaat: [Constatering] = []
        let regel = v.soort == "VOT" ? "OP274" : "OP346"
        let uiterlijk = regelset.werkkalender.termijn(na: begin.dag, werkdagen: regelset.verzoekTermijn)
        let wat = "\(v.soort) \(v.referentieAanbieder) van \(v.dagtekening)"
        if let eerste = v.antwoorden.first {
            if eerste.dagtekening > uiterlijk {
                resultaat.append(constatering(
                    regel, "\(wat) pas beantwoord op \(eerste.dagtekening), uiterlijk \(uiterlijk) (\(begin.tekst))",
                    eerste.positie))
            }
        } else if peildatum > uiterlijk {
            resultaat.append(constatering(
                regel, "\(wat) niet beantwoord (301 of 319), uiterlijk \(uiterlijk) (\(begin.tekst))", nil))
        }
        guard let onderzoek = v.antwoorden.first(where: { $0.antwoord == .inOnderzoek }) else { return resultaat }
        let beslist = v.dagtekening.plus(dagen: regelset.onderzoekTermijn)
        let besluit = v.antwoorden.first { $0.antwoord != .inOnderzoek }
        if let besluit, besluit.dagtekening > beslist {
            resultaat.append(constatering(
                "OP344", "\(wat) in onderzoek, pas beslist op \(besluit.dagtekening), uiterlijk \(beslist) (8 weken)",
                besluit.positie))
        } else if besluit == nil, peildatum > beslist {
            resultaat.append(constatering(
                "OP344",
                "\(wat) in onderzoek sinds \(onderzoek.dagtekening), niet beslist, uiterlijk \(beslist) (8 weken)",
                onderzoek.positie))
        }
        return resultaat
    }

    /// OP271/OP272: a 305/307 within 5 werkdagen after the actual start or stop it reports.
    func regieTermijn(_ m: Dossier.Regiemelding) -> Constatering? {
        let uiterlijk = regelset.werkkalender.termijn(na: m.datum, werkdagen: regelset.regieTermijn)
        guard m.dagtekening > uiterlijk else { return nil }
        let wat = m.stop ? "Stop" : "Start"
        return Constatering(
            regel: m.stop ? "OP272" : "OP271", ernst: .signaal,
            toelichting: "\(wat) van \(m.datum) pas gemeld op \(m.dagtekening), uiterlijk \(uiterlijk) "
                + "(\(regelset.regieTermijn) werkdagen)",
            standaard: m.standaard, gemeente: m.gemeente, aanbieder: m.aanbieder, bsn: m.bsn,
            toewijzingNummer: m.toewijzingNummer, posities: [m.positie])
    }
}
