/// A line of a 305 Start: the actual start of delivery on a toewijzing, or (StatusAanlevering 3)
/// the withdrawal of an earlier line with the same key.
struct StartProduct {
    var toewijzing: ToegewezenProduct
    var begindatum: Datum
    /// COD467: 1 eerste aanlevering, 3 verwijderen aanlevering.
    var statusAanlevering: String
}
