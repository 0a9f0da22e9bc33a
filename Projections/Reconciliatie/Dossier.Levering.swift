import Berichten

extension Dossier {
    /// A standing start (305) of a toewijzing and the einddatum of the stop (307) that decides it,
    /// if any: the care delivered under it.
    struct Levering {
        var begindatum: Datum
        var einddatum: Datum?
    }
}
