internal import Berichten

/// One line of a 323: the delivered volume of one product on one toewijzing in one month (IV084),
/// or a credit of an approved line.
struct Prestatie {
    var referentieNummer: String
    var vorigReferentieNummer: String?
    var toewijzing: ToegewezenProduct
    var begindatum: Datum
    var einddatum: Datum
    var volume: Int
    var tarief: Int
    var debetCredit: DebetCredit
    /// The retourcode the gemeente's 325 will give this line; nil when it is approved.
    var afwijzing: String?

    /// IngediendBedrag: volume × tarief in eurocent (TR346).
    var bedrag: Int { volume * tarief }

    /// The amount with its sign, for totals (Σ debet − Σ credit).
    var saldo: Int { debetCredit.metTeken(bedrag) }
}
