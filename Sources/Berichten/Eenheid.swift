/// The unit of an Omvang or a Prestatie (codelist WJ756, identical in iWmo and iJw 3.x).
public enum Eenheid: String, Sendable, Hashable, CaseIterable, Codelijst {
    case minuut = "01"
    case uur = "04"
    case etmaal = "14"
    case dagdeel = "16"
    case stuksOutput = "82"
    case euro = "83"
    case stuksInspanning = "84"

    static let naam = "Eenheid"
    static func identificatie(for standaard: Standaard) -> String { "WJ756" }
}
