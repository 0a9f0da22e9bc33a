/// Why an aanbieder asks for a change (WJ758).
public enum RedenVerzoek: String, Sendable, Hashable, CaseIterable, Codelijst {
    case veranderingClientsituatie = "1"
    case wijzigingZorgplan = "2"

    static let naam = "RedenVerzoek"
    static func identificatie(for standaard: Standaard) -> String { "WJ758" }
}
