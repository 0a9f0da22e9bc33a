/// Why a request was refused (WJ759); mandatory exactly when the answer is ``VerzoekAntwoord/afgewezen``.
public enum RedenAfwijzingVerzoek: String, Sendable, Hashable, CaseIterable, Codelijst {
    case geenWijzigingMaarNieuweAanvraag = "1"
    case pastNietBinnenBudget = "2"
    case geenContract = "3"
    case pastNietBinnenContract = "4"
    case andereGemeente = "5"
    case stapeling = "6"
    case zorginhoudelijkeAfkeur = "7"
    /// iJw only in practice: the 319 then names the responsible gemeente (TR377/TR409).
    case woonplaatsbeginsel = "8"
    case leeftijdsgrensBereikt = "9"

    static let naam = "RedenAfwijzingVerzoek"
    static func identificatie(for standaard: Standaard) -> String { "WJ759" }
}
