/// The facts the rules compare with each other: the toewijzingen and starts, in memory, and the
/// prestaties of one toewijzing at a time.
///
/// Rules compare a prestatie with its toewijzing and its siblings, which is simpler and faster in
/// memory than as one SQL statement per rule; holding one toewijzing's prestaties at a time, and
/// judging exchanges, requests and deliveries row by row as they are read,
/// keeps memory to the toewijzingen rather than the whole log.
struct Dossier {
    /// The prestaties (debets and credits) of one toewijzing: one standaard, gemeente and number.
    var prestaties: [Prestatie] = []
    /// The current version of each toewijzing, by standaard, gemeente and number.
    var toewijzingen: [String: Toewijzing]
    /// Toewijzingen (standaard|gemeente|nummer) with a standing start.
    var gestart: Set<String>
    /// The RetourCodes of every prestatie a 325 rejected, by ``prestatieSleutel(_:_:)``.
    var afwijzingen: [String: [String]] = [:]

    static func sleutel(_ standaard: String, _ gemeente: String, _ nummer: Int) -> String {
        "\(standaard)|\(gemeente)|\(nummer)"
    }
}
