public import Berichten
public import Ledger

extension EventMetadata {
    /// The indexed facts of a decoded message.
    public init(_ bericht: Bericht) {
        let header = bericht.header
        let heen = bericht.heenIdentiteit
        self.init(
            standaard: bericht.standaard.rawValue, release: bericht.release.description,
            berichtCode: header.berichtCode, berichttype: bericht.berichttype.rawValue,
            afzender: header.afzender, ontvanger: header.ontvanger, identificatie: header.identificatie,
            dagtekening: header.dagtekening.description, identificatieRetour: header.identificatieRetour,
            heenbericht: heen.map {
                BerichtIdentiteit(berichtCode: $0.berichtCode, afzender: $0.afzender, identificatie: $0.identificatie)
            },
            bsns: bericht.bsns,
            toewijzingen: bericht.toewijzingNummers.map { ToewijzingSleutel(gemeente: bericht.gemeente, nummer: $0) })
    }
}
