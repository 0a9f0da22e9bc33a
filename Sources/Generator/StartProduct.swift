internal import Berichten

/// A line of a 305 Start: the actual start of delivery on a toewijzing, or (StatusAanlevering 3)
/// the withdrawal of an earlier line with the same key.
struct StartProduct {
    var toewijzing: ToegewezenProduct
    var begindatum: Datum
    /// Only 1 (eerste aanlevering) and 3 (verwijderen aanlevering) occur (CS058).
    var statusAanlevering: StatusAanlevering
}
