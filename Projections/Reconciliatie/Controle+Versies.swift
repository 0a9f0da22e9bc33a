import Berichten

extension Controle {
    /// TR338: no version of the prestatie's toewijzing for this client and aanbieder was known on
    /// its 323's dagtekening. When a 301 made one known only later, the toelichting says so: the
    /// gemeente could not relate the prestatie to it when it was declared (report §6.2, OP276).
    func geenToewijzing(_ p: Dossier.Prestatie) -> Constatering {
        let sleutel = Dossier.sleutel(p.standaard, p.gemeente, p.toewijzingNummer)
        let later = dossier.toewijzingen[sleutel]?
            .filter { $0.dagtekening > p.dagtekening && $0.bsn == p.bsn && $0.aanbieder == p.aanbieder }
            .min { ($0.dagtekening, $0.positie) < ($1.dagtekening, $1.positie) }
        if dossier.versie(voor: p) == nil, let later {
            return constatering(
                "TR338", .fout,
                "Toewijzing \(p.toewijzingNummer) van gemeente \(p.gemeente) was op \(p.dagtekening) nog niet bekend "
                    + "(eerste 301 van \(later.dagtekening))",
                over: p, andere: [later.positie])
        }
        return constatering(
            "TR338", .fout,
            "Geen toewijzing \(p.toewijzingNummer) van gemeente \(p.gemeente) voor deze client en aanbieder", over: p)
    }
}
