import Berichten

/// One evaluation of every rule over a ``Dossier`` under a ``Grondslag`` at a peildatum.
///
/// Every finding follows from the facts alone, never from log order or arrival time, so the
/// same ledger, grondslag and peildatum always give the same findings.
struct Controle {
    var dossier: Dossier
    var grondslag: Grondslag
    var peildatum: Datum

    var regelset: Regelset { grondslag.regelset }

    func constateringen() -> [Constatering] {
        var resultaat = prestatieRegels() + totaalRegels() + creditRegels() + termijnRegels()
        resultaat.sort { a, b in
            guard a.posities == b.posities else { return a.posities.lexicographicallyPrecedes(b.posities) }
            return (a.referentieNummer ?? "", a.regel) < (b.referentieNummer ?? "", b.regel)
        }
        return resultaat
    }

    /// A finding about prestatie `p`; `andere` are the other messages involved.
    func constatering(
        _ regel: String, _ ernst: Ernst, _ toelichting: String, over p: Dossier.Prestatie, andere: [Int64?] = [],
        bedrag: Int? = nil
    ) -> Constatering {
        Constatering(
            regel: regel, ernst: ernst, toelichting: toelichting, standaard: p.standaard, gemeente: p.gemeente,
            aanbieder: p.aanbieder, bsn: p.bsn, toewijzingNummer: p.toewijzingNummer,
            declaratieNummer: p.declaratieNummer, referentieNummer: p.referentieNummer,
            posities: [p.positie] + Set(andere.compactMap { $0 }).subtracting([p.positie]).sorted(),
            bedrag: bedrag ?? (ernst == .fout ? p.bedrag : nil))
    }
}
