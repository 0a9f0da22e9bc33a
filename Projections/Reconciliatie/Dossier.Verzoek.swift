import Berichten

extension Dossier {
    /// A VOT product or a VOW with the answers (319) and 301s that carry its reference.
    struct Verzoek {
        enum Antwoord { case afgewezen, inOnderzoek, toegewezen }
        var positie: Int64
        var standaard, gemeente, aanbieder, bsn, referentieAanbieder, soort: String
        var dagtekening: Datum
        /// The day it was received, when its transport said.
        var ontvangen: Datum?
        var antwoorden: [(positie: Int64, dagtekening: Datum, antwoord: Antwoord)]
    }
}
