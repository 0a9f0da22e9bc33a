/// A request to change the whole package of current toewijzingen (317/318), keyed by ``referentieAanbieder``.
public struct Verzoek: Sendable, Hashable {
    public var referentieAanbieder: String
    public var redenVerzoek: RedenVerzoek
    public var ongewijzigdeProducten: [OngewijzigdProduct]
    public var teWijzigenProducten: [TeWijzigenProduct]
    public var nieuweProducten: [NieuwProduct]
    public var retourCodes: [String]

    public init(
        referentieAanbieder: String, redenVerzoek: RedenVerzoek, ongewijzigdeProducten: [OngewijzigdProduct] = [],
        teWijzigenProducten: [TeWijzigenProduct] = [], nieuweProducten: [NieuwProduct] = [],
        retourCodes: [String] = []
    ) {
        self.referentieAanbieder = referentieAanbieder
        self.redenVerzoek = redenVerzoek
        self.ongewijzigdeProducten = ongewijzigdeProducten
        self.teWijzigenProducten = teWijzigenProducten
        self.nieuweProducten = nieuweProducten
        self.retourCodes = retourCodes
    }
}
