internal import Berichten

/// The fourteen message types of iWmo/iJw 3.2, named by their number.
enum Berichtsoort: Int {
    case toewijzing = 301, toewijzingRetour = 302
    case start = 305, startRetour = 306
    case stop = 307, stopRetour = 308
    case verzoekOmToewijzing = 315, verzoekOmToewijzingRetour = 316
    case verzoekOmWijziging = 317, verzoekOmWijzigingRetour = 318
    case antwoord = 319, antwoordRetour = 320
    case declaratie = 323, declaratieAntwoord = 325

    /// "301", "302", …: the type as it appears in file and namespace names.
    var nummer: String { String(rawValue) }

    /// The retour that answers this heenbericht (325 for a 323).
    var retour: Berichtsoort {
        switch self {
        case .toewijzing: .toewijzingRetour
        case .start: .startRetour
        case .stop: .stopRetour
        case .verzoekOmToewijzing: .verzoekOmToewijzingRetour
        case .verzoekOmWijziging: .verzoekOmWijzigingRetour
        case .antwoord: .antwoordRetour
        case .declaratie: .declaratieAntwoord
        default: preconditionFailure("\(self) is itself a retour")
        }
    }

    /// The BerichtCode (Vektis COD002) of this type in `standaard`.
    func berichtCode(_ standaard: Standaard) -> String {
        let codes: (wmo: Int, jw: Int) =
            switch self {
            case .toewijzing: (414, 436)
            case .toewijzingRetour: (415, 437)
            case .start: (418, 438)
            case .startRetour: (419, 439)
            case .stop: (420, 440)
            case .stopRetour: (421, 441)
            case .verzoekOmToewijzing: (444, 446)
            case .verzoekOmToewijzingRetour: (445, 447)
            case .verzoekOmWijziging: (480, 486)
            case .verzoekOmWijzigingRetour: (481, 487)
            case .antwoord: (482, 488)
            case .antwoordRetour: (483, 489)
            case .declaratie: (484, 490)
            case .declaratieAntwoord: (485, 491)
            }
        return String(standaard == .iWmo ? codes.wmo : codes.jw)
    }

    /// "WMO301" / "JW301": the message name used in file names and XSD names.
    func naam(_ standaard: Standaard) -> String {
        (standaard == .iWmo ? "WMO" : "JW") + nummer
    }

    /// The message namespace, e.g. `http://www.istandaarden.nl/ijw/3_2/jw301/schema`.
    func namespace(_ standaard: Standaard) -> String {
        standaard == .iWmo
            ? "http://www.istandaarden.nl/iwmo/3_2/wmo\(nummer)/schema"
            : "http://www.istandaarden.nl/ijw/3_2/jw\(nummer)/schema"
    }

    /// The prefix the published examples use for the message namespace ("jw301", "wmo301").
    func voorbeeldPrefix(_ standaard: Standaard) -> String {
        (standaard == .iWmo ? "wmo" : "jw") + nummer
    }
}
