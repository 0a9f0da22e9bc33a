/// Why delivery of a product stopped (WMO588 for iWmo, JZ588 for iJw).
///
/// The two lists share codes with different meanings (31 is "verhuizing" in iWmo and
/// "volgens plan beëindigd" in iJw), so a code only means something together with its standard:
/// ``rawValue`` keeps the exact code, ``betekenis`` says what it means.
public struct RedenBeeindiging: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public let standaard: Standaard
    public let betekenis: Betekenis

    /// What a code means, independent of the list it came from.
    public enum Betekenis: Sendable, Hashable, CaseIterable {
        case overlijden
        case volgensPlanBeeindigd
        /// A temporary stop, followed later by a new start or a definitive stop (TR413–TR415).
        case tijdelijkBeeindigd
        case eenzijdigDoorClient
        case eenzijdigDoorAanbieder
        case inOvereenstemmingVoortijdig
        /// iJw only.
        case externeOmstandigheden
        /// iWmo only.
        case verhuizingNaarAndereGemeente
        case geinitieerdDoorGemeente
        case inVerbandMetWijzigingsverzoek
        case overstapNaarAndereAanbieder
        case uitstroomNaarAnderDomein
    }

    /// Returns nil when `rawValue` is not in the standard's list.
    public init?(rawValue: String, standaard: Standaard) {
        let betekenis: Betekenis? =
            switch (rawValue, standaard) {
            case ("02", _): .overlijden
            case ("20", _): .tijdelijkBeeindigd
            case ("36", _): .geinitieerdDoorGemeente
            case ("37", _): .inVerbandMetWijzigingsverzoek
            case ("38", _): .overstapNaarAndereAanbieder
            case ("39", _): .uitstroomNaarAnderDomein
            case ("19", .iWmo), ("31", .iJw): .volgensPlanBeeindigd
            case ("21", .iWmo), ("32", .iJw): .eenzijdigDoorClient
            case ("22", .iWmo), ("33", .iJw): .eenzijdigDoorAanbieder
            case ("23", .iWmo), ("34", .iJw): .inOvereenstemmingVoortijdig
            case ("35", .iJw): .externeOmstandigheden
            case ("31", .iWmo): .verhuizingNaarAndereGemeente
            default: nil
            }
        guard let betekenis else { return nil }
        self.rawValue = rawValue
        self.standaard = standaard
        self.betekenis = betekenis
    }

    public var description: String { rawValue }

    static func identificatie(for standaard: Standaard) -> String { standaard == .iWmo ? "WMO588" : "JZ588" }
}
