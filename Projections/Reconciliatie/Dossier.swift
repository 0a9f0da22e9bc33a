/// Everything the rules read, loaded once per evaluation from the projections' tables.
///
/// Rules compare many facts with each other (a prestatie with its toewijzing, its siblings, its
/// contract tariff), which is simpler and faster in memory than as one SQL statement per rule.
struct Dossier {
    var prestaties: [Prestatie]
    /// The current version of each toewijzing, by standaard, gemeente and number.
    var toewijzingen: [String: Toewijzing]
    /// Toewijzingen (standaard|gemeente|nummer) with a standing start.
    var gestart: Set<String>
    var uitwisselingen: [Uitwisseling]
    var verzoeken: [Verzoek]
    var regiemeldingen: [Regiemelding]

    static func sleutel(_ standaard: String, _ gemeente: String, _ nummer: Int) -> String {
        "\(standaard)|\(gemeente)|\(nummer)"
    }
}
