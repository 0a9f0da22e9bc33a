import Berichten

extension Dossier {
    struct Toewijzing {
        var positie: Int64
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
    }
}
