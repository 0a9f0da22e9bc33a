import Berichten

extension Dossier {
    /// The first report of a standing start (305) or stop (307) and the date it reports.
    struct Regiemelding {
        var positie: Int64
        var standaard, gemeente, aanbieder, bsn: String
        var toewijzingNummer: Int?
        var datum: Datum
        var dagtekening: Datum
        var stop: Bool
    }
}
