internal import Berichten

/// One version of a toewijzing (301 ToegewezenProduct). Versions of one ToewijzingNummer are told
/// apart by Toewijzingsdatum + Toewijzingstijd: the latest wins (IV013).
struct ToegewezenProduct {
    var nummer: Int
    var referentieAanbieder: String?
    var product: Product
    /// The code as sent; differs from `product.code` only in a 301 the aanbieder rejects (S329).
    var code: String
    var toewijzingsdatum: Datum
    var toewijzingstijd: Tijd
    var ingangsdatum: Datum
    var einddatum: Datum
    var redenWijziging: RedenWijziging?
    var volume: Int

    /// The next version: a later decision moment and a reason for the change.
    func gewijzigd(op datum: Datum, tijd: Tijd, reden: RedenWijziging) -> ToegewezenProduct {
        var versie = self
        versie.toewijzingsdatum = datum
        versie.toewijzingstijd = tijd
        versie.redenWijziging = reden
        return versie
    }
}
