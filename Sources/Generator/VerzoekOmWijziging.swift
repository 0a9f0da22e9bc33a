/// A 317 VOW: the complete desired package. With one current toewijzing that is one
/// TeWijzigenProduct (TR349: every current toewijzing must appear).
struct VerzoekOmWijziging {
    var referentieAanbieder: String
    /// WJ758: 1 verandering cliëntsituatie, 2 wijziging zorgplan.
    var redenVerzoek: String
    var toewijzing: ToegewezenProduct
    var gewensteIngangsdatum: Datum
    var einddatum: Datum
    var volume: Int
}
