/// The fourteen message types of iWmo/iJw 3.x, named after what they carry.
///
/// The raw value is the number shared by both standards (`"301"` is WMO301 and JW301); the
/// BerichtCode in the header differs per standard, see ``berichtCode(for:)``.
public enum Berichttype: String, Sendable, Hashable, CaseIterable {
    case toewijzing = "301"
    case toewijzingRetour = "302"
    case start = "305"
    case startRetour = "306"
    case stop = "307"
    case stopRetour = "308"
    case verzoekOmToewijzing = "315"
    case verzoekOmToewijzingRetour = "316"
    case verzoekOmWijziging = "317"
    case verzoekOmWijzigingRetour = "318"
    case antwoord = "319"
    case antwoordRetour = "320"
    case declaratie = "323"
    case declaratieAntwoord = "325"

    /// The Vektis COD002 code that goes into `Header/BerichtCode`.
    public func berichtCode(for standaard: Standaard) -> Int {
        switch (self, standaard) {
        case (.toewijzing, .iWmo): 414
        case (.toewijzingRetour, .iWmo): 415
        case (.start, .iWmo): 418
        case (.startRetour, .iWmo): 419
        case (.stop, .iWmo): 420
        case (.stopRetour, .iWmo): 421
        case (.verzoekOmToewijzing, .iWmo): 444
        case (.verzoekOmToewijzingRetour, .iWmo): 445
        case (.verzoekOmWijziging, .iWmo): 480
        case (.verzoekOmWijzigingRetour, .iWmo): 481
        case (.antwoord, .iWmo): 482
        case (.antwoordRetour, .iWmo): 483
        case (.declaratie, .iWmo): 484
        case (.declaratieAntwoord, .iWmo): 485
        case (.toewijzing, .iJw): 436
        case (.toewijzingRetour, .iJw): 437
        case (.start, .iJw): 438
        case (.startRetour, .iJw): 439
        case (.stop, .iJw): 440
        case (.stopRetour, .iJw): 441
        case (.verzoekOmToewijzing, .iJw): 446
        case (.verzoekOmToewijzingRetour, .iJw): 447
        case (.verzoekOmWijziging, .iJw): 486
        case (.verzoekOmWijzigingRetour, .iJw): 487
        case (.antwoord, .iJw): 488
        case (.antwoordRetour, .iJw): 489
        case (.declaratie, .iJw): 490
        case (.declaratieAntwoord, .iJw): 491
        }
    }

    /// The standard and type a BerichtCode belongs to; nil for codes outside iWmo/iJw 3.x.
    public static func lookup(berichtCode: Int) -> (standaard: Standaard, berichttype: Berichttype)? {
        for standaard in Standaard.allCases {
            for type in allCases where type.berichtCode(for: standaard) == berichtCode {
                return (standaard, type)
            }
        }
        return nil
    }

    /// The message this one answers; nil for a heenbericht.
    public var heenbericht: Berichttype? {
        switch self {
        case .toewijzingRetour: .toewijzing
        case .startRetour: .start
        case .stopRetour: .stop
        case .verzoekOmToewijzingRetour: .verzoekOmToewijzing
        case .verzoekOmWijzigingRetour: .verzoekOmWijziging
        case .antwoordRetour: .antwoord
        case .declaratieAntwoord: .declaratie
        case .toewijzing, .start, .stop, .verzoekOmToewijzing, .verzoekOmWijziging, .antwoord, .declaratie: nil
        }
    }

    /// The message that answers this one; nil for a retour or 325.
    public var retour: Berichttype? { Self.allCases.first { $0.heenbericht == self } }

    /// True for the answers (302 … 320 and 325).
    public var isRetour: Bool { heenbericht != nil }
}
