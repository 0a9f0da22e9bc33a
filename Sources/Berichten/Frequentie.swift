/// How often the Volume of an Omvang is delivered (codelist WMO757).
public enum Frequentie: String, Sendable, Hashable, CaseIterable, Codelijst {
    case perDag = "1"
    case perWeek = "2"
    case perMaand = "4"
    case totaalBinnenGeldigheidsduur = "6"

    static let naam = "Frequentie"
    static func identificatie(for standaard: Standaard) -> String { "WMO757" }
}
