internal import Berichten

/// What the generator needs of a message type beyond Berichten's: the retour that answers a
/// heenbericht, and the names and namespace a sender writes for it.
extension Berichttype {
    /// The retour that answers this heenbericht (325 for a 323); the inverse of ``heenbericht``.
    var retour: Berichttype {
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

    /// "WMO301" / "JW301": the message name used in file names and XSD names.
    func naam(_ standaard: Standaard) -> String {
        (standaard == .iWmo ? "WMO" : "JW") + rawValue
    }

    /// The message namespace, e.g. `http://www.istandaarden.nl/ijw/3_2/jw301/schema`.
    func namespace(_ standaard: Standaard) -> String {
        standaard == .iWmo
            ? "http://www.istandaarden.nl/iwmo/3_2/wmo\(rawValue)/schema"
            : "http://www.istandaarden.nl/ijw/3_2/jw\(rawValue)/schema"
    }

    /// The prefix the published examples use for the message namespace ("jw301", "wmo301").
    func voorbeeldPrefix(_ standaard: Standaard) -> String {
        (standaard == .iWmo ? "wmo" : "jw") + rawValue
    }
}
