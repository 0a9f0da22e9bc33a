/// Whether a start/stop line is new or withdraws an earlier one (COD467; only 1 and 3 are allowed, CS058).
public enum StatusAanlevering: String, Sendable, Hashable, CaseIterable, Codelijst {
    case eersteAanlevering = "1"
    case gewijzigdeAanlevering = "2"
    case verwijderenAanlevering = "3"
    case nietVanToepassing = "9"

    static let naam = "StatusAanlevering"
    static func identificatie(for standaard: Standaard) -> String { "COD467" }
}
