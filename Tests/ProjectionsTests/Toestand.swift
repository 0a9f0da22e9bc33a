import Declaraties
import Toewijzingen
import Uitwisseling
import Verzoeken
import Zorg

/// The query results of a ledger, for comparing two ledgers that hold the same messages.
struct Toestand: Equatable {
    /// The rows with `positie` left out; `dragers` names, per row, the 301 that carried it.
    var toewijzingen: [ToewijzingRij]
    var historie: [ToewijzingRij]
    var dragers: [String?]
    var zorg: [ZorgRij]
    var declaraties: [PrestatieRij]
    var verzoeken: [VerzoekRij]
    var berichten: Set<[String]>

    /// The parts that are empty: two empty states are equal too, so a comparison of states only
    /// proves something when none of them is.
    var leeg: [String] {
        [("toewijzingen", toewijzingen.isEmpty), ("historie", historie.isEmpty), ("zorg", zorg.isEmpty),
         ("declaraties", declaraties.isEmpty), ("verzoeken", verzoeken.isEmpty), ("berichten", berichten.isEmpty)]
            .filter(\.1).map(\.0)
    }
}
