import Berichten
import Ledger

/// One evaluation of every rule under a ``Grondslag`` at a peildatum.
///
/// Every finding follows from the facts alone, never from log order or arrival time, so the
/// same ledger, grondslag and peildatum always give the same findings.
struct Controle {
    var dossier: Dossier
    var grondslag: Grondslag
    var peildatum: Datum

    var regelset: Regelset { grondslag.regelset }

    /// Every finding, from facts read in one read transaction so that they agree with each other:
    /// prestaties one toewijzing at a time, exchanges, requests and deliveries one row at a time.
    /// `elkePrestatie` sees every prestatie judged, with the gemeente's verdict on it.
    static func constateringen(
        grondslag: Grondslag, peildatum: Datum, in connection: SQLiteConnection,
        elkePrestatie: (Dossier.Prestatie, _ oordeel: GemeenteOordeel, _ retourCodes: [String]) -> Void = { _, _, _ in }
    ) throws(LedgerError) -> [Constatering] {
        var resultaat = try connection.readTransaction { () throws(LedgerError) -> [Constatering] in
            var controle = Controle(dossier: try Dossier(connection: connection), grondslag: grondslag, peildatum: peildatum)
            var resultaat: [Constatering] = []
            var beoordeeld: Set<String> = []
            try Dossier.perToewijzing(connection, controle.dossier.retouren) { prestaties in
                controle.dossier.prestaties = prestaties
                for p in prestaties {
                    let (oordeel, codes) = controle.dossier.oordeel(over: p)
                    elkePrestatie(p, oordeel, codes)
                }
                resultaat += controle.prestatieRegels() + controle.totaalRegels() + controle.creditRegels()
                let p = prestaties[0]
                let sleutel = Dossier.sleutel(p.standaard, p.gemeente, p.toewijzingNummer)
                resultaat += controle.wijzigingRegels(sleutel)
                beoordeeld.insert(sleutel)
            }
            // Changes to toewijzingen without prestaties can still conflict with delivered care.
            controle.dossier.prestaties = []
            for sleutel in controle.dossier.toewijzingen.keys where !beoordeeld.contains(sleutel) {
                resultaat += controle.wijzigingRegels(sleutel)
            }
            try Dossier.dubbeleReferenties(connection, controle.dossier.retouren) { resultaat += controle.referentieRegels($0) }
            try Dossier.uitwisselingen(connection, controle.dossier.retouren) { u in
                if let c = controle.retourTermijn(u) { resultaat.append(c) }
            }
            try Dossier.verzoeken(connection) { resultaat += controle.verzoekTermijnen($0) }
            try Dossier.regiemeldingen(connection) { m in
                if let c = controle.regieTermijn(m) { resultaat.append(c) }
            }
            try Dossier.DubbeleAanlevering.alle(connection) { a in
                if let c = controle.aanleveringRegel(a) { resultaat.append(c) }
            }
            return resultaat
        }
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
        let gemeente = dossier.oordeel(over: p)
        return Constatering(
            regel: regel, ernst: ernst, toelichting: toelichting, standaard: p.standaard, gemeente: p.gemeente,
            aanbieder: p.aanbieder, bsn: p.bsn, toewijzingNummer: p.toewijzingNummer,
            declaratieNummer: p.declaratieNummer, referentieNummer: p.referentieNummer,
            posities: [p.positie] + Set(andere.compactMap { $0 }).subtracting([p.positie]).sorted(),
            bedrag: bedrag ?? (ernst == .fout ? p.bedrag : nil), gemeenteOordeel: gemeente.oordeel,
            gemeenteRetourCodes: gemeente.retourCodes)
    }
}
