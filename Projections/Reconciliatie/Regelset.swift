/// A version of the reconciliation rules: every parameter a finding depends on.
///
/// Versions live in code and never change once released; a new insight is a new version. The
/// version in force is chosen by a `regelset` event in the log (`zorgledger regels gebruik N`),
/// so a reconciliation of any moment can be reproduced with the version of that moment. A
/// defect, a finding that contradicts the standard or the law, is fixed in the version itself:
/// version 1 counted 5 mei only in lustrum years, against the Algemene termijnenwet, and now
/// counts it every year; that calendar lives on as version 3.
public struct Regelset: Sendable, Hashable {
    public let versie: Int
    public let omschrijving: String
    /// Werkdagen within which a heenbericht gets its retour (OP090).
    public let retourTermijn: Int
    /// Werkdagen within which a 323 gets its 325 (OP090x4).
    public let declaratieAntwoordTermijn: Int
    /// Werkdagen within which a VOT product or VOW is answered with a 301 or 319 (OP274/OP346).
    public let verzoekTermijn: Int
    /// Calendar days within which a request "in onderzoek" is decided (8 weeks, OP274/OP346).
    public let onderzoekTermijn: Int
    /// Werkdagen after the actual start or stop within which the 305/307 is sent (OP271/OP272).
    public let regieTermijn: Int
    /// Eurocent per eenheid a ProductTarief may differ from the contract before TR418 applies.
    public let tariefMarge: Int
    public let feestdagen: Feestdagen

    public var werkkalender: Werkkalender { Werkkalender(feestdagen: feestdagen) }

    /// The iStandaarden 3.2 as published: exact tariffs, werkdagen by the Algemene termijnenwet.
    public static let versie1 = Regelset(
        versie: 1, omschrijving: "iStandaarden 3.2: contracttarief exact, werkdagen volgens de Algemene termijnenwet",
        retourTermijn: 3, declaratieAntwoordTermijn: 10, verzoekTermijn: 5, onderzoekTermijn: 56, regieTermijn: 5,
        tariefMarge: 0, feestdagen: .algemeneTermijnenwet)

    /// As version 1, but tolerating a 1-cent tariff difference (the rounding of IV081, from
    /// before TR418 compared per unit of the contract).
    public static let versie2 = Regelset(
        versie: 2, omschrijving: "als versie 1, tariefmarge 1 cent (IV081)",
        retourTermijn: 3, declaratieAntwoordTermijn: 10, verzoekTermijn: 5, onderzoekTermijn: 56, regieTermijn: 5,
        tariefMarge: 1, feestdagen: .algemeneTermijnenwet)

    /// As version 1, but with 5 mei a holiday in lustrum years only (the Rijksoverheid's
    /// calendar), for parties that agreed on it.
    public static let versie3 = Regelset(
        versie: 3, omschrijving: "als versie 1, 5 mei alleen in lustrumjaren (afspraak tussen partijen)",
        retourTermijn: 3, declaratieAntwoordTermijn: 10, verzoekTermijn: 5, onderzoekTermijn: 56, regieTermijn: 5,
        tariefMarge: 0, feestdagen: .lustrum)

    /// Every released version, oldest first.
    public static let alle = [versie1, versie2, versie3]

    /// The version used when the log records no choice: the first, so that releasing a new
    /// version never changes an existing ledger's findings behind its users' backs.
    public static let standaard = versie1

    public static func versie(_ nummer: Int) -> Regelset? { alle.first { $0.versie == nummer } }
}
