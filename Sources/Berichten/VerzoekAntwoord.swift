/// The gemeente's answer to a VOT product or a VOW (WJ760).
public enum VerzoekAntwoord: String, Sendable, Hashable, CaseIterable, Codelijst {
    case afgewezen = "1"
    case inOnderzoek = "2"

    static let naam = "VerzoekAntwoord"
    static func identificatie(for standaard: Standaard) -> String { "WJ760" }
}
