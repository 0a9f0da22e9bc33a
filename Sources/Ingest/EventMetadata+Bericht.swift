public import Berichten
import Kenmerken
public import Ledger

extension EventMetadata {
    /// The indexed facts of a decoded message.
    public init(_ bericht: Bericht) {
        self.init(bericht.kop, toewijzingNummers: bericht.toewijzingNummers)
    }

    /// The indexed facts of a message of which only the header could be read (see ``Berichtkop``),
    /// or of a decoded message with its toewijzingen.
    public init(_ kop: Berichtkop, toewijzingNummers: [Int] = []) {
        let header = kop.header
        self.init(
            standaard: kop.standaard.rawValue, release: kop.release.description,
            berichtCode: header.berichtCode, berichttype: kop.berichttype.rawValue,
            afzender: header.afzender, ontvanger: header.ontvanger, identificatie: header.identificatie,
            dagtekening: header.dagtekening.description, identificatieRetour: header.identificatieRetour,
            heenbericht: kop.heenIdentiteit.map {
                BerichtIdentiteit(berichtCode: $0.berichtCode, afzender: $0.afzender, identificatie: $0.identificatie)
            },
            bsns: kop.bsns,
            toewijzingen: toewijzingNummers.map { ToewijzingSleutel(gemeente: kop.gemeente, nummer: $0) })
    }
}
