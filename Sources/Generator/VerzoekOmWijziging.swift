internal import Berichten

/// A 317 VOW: the complete desired package. With one current toewijzing that is one
/// TeWijzigenProduct (TR349: every current toewijzing must appear).
struct VerzoekOmWijziging {
    var referentieAanbieder: String
    var redenVerzoek: RedenVerzoek
    var toewijzing: ToegewezenProduct
    var gewensteIngangsdatum: Datum
    var einddatum: Datum
    var volume: Int
}
