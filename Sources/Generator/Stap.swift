internal import Berichten

/// One heenbericht of a client's trajectory, with the retour that answers it.
struct Stap {
    /// Boxed, so that a step stays small whatever its payload: trajectories are held for months.
    indirect enum Inhoud {
        case toewijzing([ToegewezenProduct])
        case start([StartProduct])
        case stop([StopProduct])
        case verzoekOmToewijzing(AangevraagdProduct)
        case verzoekOmWijziging(VerzoekOmWijziging)
        case antwoord(Antwoord)

        var soort: Berichttype {
            switch self {
            case .toewijzing: .toewijzing
            case .start: .start
            case .stop: .stop
            case .verzoekOmToewijzing: .verzoekOmToewijzing
            case .verzoekOmWijziging: .verzoekOmWijziging
            case .antwoord: .antwoord
            }
        }
    }

    /// Why a retour rejects its heenbericht (report §6.1).
    enum Afkeuring {
        /// Level 2 (XSLT): header-only retour with 0001 and XsltVersie.
        case technisch
        /// Level 4: the product code does not fit the categorie (S329) on this ToewijzingNummer.
        case productcode(toewijzingNummer: Int)
    }

    var inhoud: Inhoud
    /// Position in the trajectory, part of the message identification (< 32).
    var slot: Int
    var dagtekening: Datum
    var aankomst: Moment
    var retourDagtekening: Datum
    var retourAankomst: Moment
    var afkeuring: Afkeuring?
    /// The same file is delivered a second time.
    var dubbel: Bool
}
