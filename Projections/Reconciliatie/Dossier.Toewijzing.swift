import Berichten

extension Dossier {
    /// One version of a toewijzing, as a 301 that no 302 rejected carried it.
    struct Toewijzing {
        /// The first 301 that carried this version; a re-sent, unchanged version adds nothing.
        var positie: Int64
        /// That 301's dagtekening: the day this version became known.
        var dagtekening: Datum
        var standaard, gemeente, aanbieder, bsn: String
        var nummer: Int
        var productCategorie, productCode: String?
        var ingangsdatum: Datum
        var einddatum: Datum?
        var volume: Int?
        var eenheid: String?
        var frequentie: Frequentie?
        var budget: Int?
        var redenWijziging: String?

        /// RedenWijziging 13: the toewijzing counts as never sent.
        var verwijderd: Bool { redenWijziging == "13" }
    }
}
