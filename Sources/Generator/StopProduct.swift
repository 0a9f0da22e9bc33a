internal import Berichten

/// A line of a 307 Stop. Its key (ToewijzingNummer, Product, Begindatum) is copied from the start it
/// ends; RedenBeeindiging 20 makes the stop temporary.
struct StopProduct {
    var toewijzing: ToegewezenProduct
    var begindatum: Datum
    var redenBeeindiging: RedenBeeindiging
    var einddatum: Datum
}
