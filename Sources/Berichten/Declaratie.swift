/// A monthly claim (323), keyed by ``declaratieNummer`` (unique per aanbieder and domain, TR333).
public struct Declaratie: Sendable, Hashable {
    public var declaratieNummer: String
    /// Exactly one calendar month (CS340).
    public var declaratiePeriode: Periode
    public var declaratieDagtekening: Datum
    /// The signed sum of all prestaties (TR358).
    public var totaalIngediendBedrag: Bedrag
    public var clienten: [ClientPrestaties]

    public init(
        declaratieNummer: String, declaratiePeriode: Periode, declaratieDagtekening: Datum,
        totaalIngediendBedrag: Bedrag, clienten: [ClientPrestaties]
    ) {
        self.declaratieNummer = declaratieNummer
        self.declaratiePeriode = declaratiePeriode
        self.declaratieDagtekening = declaratieDagtekening
        self.totaalIngediendBedrag = totaalIngediendBedrag
        self.clienten = clienten
    }
}
