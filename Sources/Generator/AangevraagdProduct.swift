internal import Berichten

/// The product asked for in a 315 VOT, on the strength of a (wettelijke) verwijzing.
struct AangevraagdProduct {
    var referentieAanbieder: String
    var product: Product
    var ingangsdatum: Datum
    var einddatum: Datum
    var volume: Int
    /// Type COD327: 01 gemeente, 02 huisarts, 03 jeugdarts, 05 medisch specialist.
    var verwijzer: Verwijzer
}
