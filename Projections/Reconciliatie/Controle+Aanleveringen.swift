/// TR074 (retourcode 9074): a delivery (StatusAanlevering 1) must have a key unique among all
/// messages received (report §6.4). The later delivery of a key that already stood is the one
/// the gemeente rejects, so the finding is about the delivery with the latest dagtekening (the
/// highest position among equals); the other deliveries of the key follow it.
extension Controle {
    func aanleveringRegel(_ a: Dossier.DubbeleAanlevering) -> Constatering? {
        let leveringen = a.leveringen.sorted { ($0.dagtekening, $0.positie) < ($1.dagtekening, $1.positie) }
        guard let dubbel = leveringen.last else { return nil }
        let wat = a.stop ? "Stop" : "Start"
        let toewijzing = a.toewijzingNummer.map { " op toewijzing \($0)" } ?? ""
        return Constatering(
            regel: "TR074", ernst: .fout,
            toelichting: "\(wat) van zorg met begindatum \(a.begindatum)\(toewijzing) opnieuw aangeleverd "
                + "(StatusAanlevering 1) terwijl dezelfde sleutel al stond",
            standaard: a.standaard, gemeente: a.gemeente, aanbieder: a.aanbieder, bsn: a.bsn,
            toewijzingNummer: a.toewijzingNummer,
            posities: [dubbel.positie] + leveringen.dropLast().map(\.positie).sorted())
    }
}
