extension Controle {
    /// TR314 (retourcode 8021): a ReferentieNummer is unique for the aanbieder within its domain,
    /// within one 323 and across 323s, debet and credit alike. `prestaties` share one number; the
    /// first keeps it, every later one is a finding naming the first.
    func referentieRegels(_ prestaties: [Dossier.Prestatie]) -> [Constatering] {
        let volgorde = prestaties.sorted(by: Self.eerder)
        guard let eerste = volgorde.first else { return [] }
        return volgorde.dropFirst().map { p in
            constatering(
                "TR314", .fout,
                "ReferentieNummer \(p.referentieNummer) is al gebruikt in declaratie \(eerste.declaratieNummer) "
                    + "(prestatie \(eerste.volgnummer)) (8021)",
                over: p, andere: [eerste.positie])
        }
    }
}
