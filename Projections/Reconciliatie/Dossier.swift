import Berichten

/// The facts the rules compare with each other: the toewijzingen and starts, in memory, and the
/// prestaties of one toewijzing at a time.
///
/// Rules compare a prestatie with its toewijzing and its siblings, which is simpler and faster in
/// memory than as one SQL statement per rule; holding one toewijzing's prestaties at a time, and
/// judging exchanges, requests and deliveries row by row as they are read,
/// keeps memory to the toewijzingen rather than the whole log.
struct Dossier {
    typealias Retouren = [Int64: (positie: Int64, dagtekening: Datum?)]

    /// The prestaties (debets and credits) of one toewijzing: one standaard, gemeente and number.
    var prestaties: [Prestatie] = []
    /// Every distinct version of each toewijzing, by standaard, gemeente and number, the current
    /// one first (the order of `toewijzingen_huidig`). A 301 re-sends every current toewijzing
    /// (OP087), so unchanged re-sends are held once, as first known.
    var toewijzingen: [String: [Toewijzing]]
    /// The standing starts of each toewijzing (standaard|gemeente|nummer).
    var leveringen: [String: [Levering]]
    /// The RetourCodes of every prestatie a 325 rejected, by ``prestatieSleutel(_:_:)``.
    var afwijzingen: [String: [String]]
    /// Per answered heenbericht (by position): the first retour that answered it and the earliest
    /// day a retour answering it was made. Read once for the prestaties and exchanges, which
    /// would otherwise each look up their retours twice.
    var retouren: Retouren

    static func sleutel(_ standaard: String, _ gemeente: String, _ nummer: Int) -> String {
        "\(standaard)|\(gemeente)|\(nummer)"
    }

    /// The version of toewijzing `sleutel` in force by what was known on `datum`: among the
    /// versions whose 301 is dated on or before it, the one the standard makes current (IV013).
    func versie(_ sleutel: String, bekendOp datum: Datum) -> Toewijzing? {
        toewijzingen[sleutel]?.first { $0.dagtekening <= datum }
    }

    /// The version prestatie `p` is judged against: the one known on its 323's dagtekening.
    func versie(voor p: Prestatie) -> Toewijzing? {
        versie(Self.sleutel(p.standaard, p.gemeente, p.toewijzingNummer), bekendOp: p.dagtekening)
    }
}
