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
}
