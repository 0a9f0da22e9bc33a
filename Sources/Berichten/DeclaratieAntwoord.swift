/// The answer to a 323 (325): the awarded total and only the rejected prestaties (TR342).
public struct DeclaratieAntwoord: Sendable, Hashable {
    public var declaratieNummer: String
    public var totaalIngediendBedrag: Bedrag
    public var totaalToegekendBedrag: Bedrag
    public var clienten: [ClientPrestaties]
    /// 8001 when fully awarded, 0200 otherwise, or a rejection code.
    public var retourCodes: [String]

    public init(
        declaratieNummer: String, totaalIngediendBedrag: Bedrag, totaalToegekendBedrag: Bedrag,
        clienten: [ClientPrestaties] = [], retourCodes: [String]
    ) {
        self.declaratieNummer = declaratieNummer
        self.totaalIngediendBedrag = totaalIngediendBedrag
        self.totaalToegekendBedrag = totaalToegekendBedrag
        self.clienten = clienten
        self.retourCodes = retourCodes
    }
}
