/// The gemeente's answer (319/320) to one VOT product or one VOW, found by ``referentieAanbieder``.
public struct Antwoord: Sendable, Hashable {
    public var referentieAanbieder: String
    public var verzoekAntwoord: VerzoekAntwoord
    public var redenAfwijzingVerzoek: RedenAfwijzingVerzoek?
    public var woonplaatsbeginsel: Woonplaatsbeginsel?
    public var retourCodes: [String]

    public init(
        referentieAanbieder: String, verzoekAntwoord: VerzoekAntwoord,
        redenAfwijzingVerzoek: RedenAfwijzingVerzoek? = nil, woonplaatsbeginsel: Woonplaatsbeginsel? = nil,
        retourCodes: [String] = []
    ) {
        self.referentieAanbieder = referentieAanbieder
        self.verzoekAntwoord = verzoekAntwoord
        self.redenAfwijzingVerzoek = redenAfwijzingVerzoek
        self.woonplaatsbeginsel = woonplaatsbeginsel
        self.retourCodes = retourCodes
    }
}
