/// Why a ToegewezenProduct changed (WMO002 / JZ002, identical in both standards).
public enum RedenWijziging: String, Sendable, Hashable, CaseIterable, Codelijst {
    /// Replaced by 13 and 14 in 3.1; still in the list, not to be used (CS336).
    case administratieveCorrectieVervallen = "01"
    case clientOverleden = "02"
    case contractwijziging = "03"
    case verlenging = "04"
    case verkorting = "05"
    case uitstroomNaarAnderDomein = "06"
    case verhuizingNaarAndereGemeente = "07"
    case wijzigingLeveringsvorm = "08"
    case overstapNaarAndereAanbieder = "09"
    case nieuweBekostigingssystematiek = "10"
    case gemeentelijkeHerindeling = "11"
    case geinitieerdDoorAanbieder = "12"
    /// The toewijzing is withdrawn; only valid with Einddatum = Ingangsdatum (CS335).
    case verwijderd = "13"
    case administratieveCorrectie = "14"

    static let naam = "RedenWijziging"
    static func identificatie(for standaard: Standaard) -> String { standaard == .iWmo ? "WMO002" : "JZ002" }
}
