import Berichten

extension Dossier {
    /// A heenbericht and the first retour that answered it.
    struct Uitwisseling {
        var positie: Int64
        var standaard, gemeente, aanbieder, berichttype: String
        var dagtekening: Datum
        /// The day it was received, when its transport said (VSP ontvangenOp, StUF tijdstipBericht).
        var ontvangen: Datum?
        var retourPositie: Int64?
        var retourDagtekening: Datum?
        /// The client, when the message concerns exactly one.
        var bsn: String?
        /// The toewijzing, when the message concerns exactly one.
        var toewijzingNummer: Int?
    }
}
