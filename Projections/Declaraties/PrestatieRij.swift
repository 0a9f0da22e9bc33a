/// One prestatie with what the 325 made of it: a row of `zorgledger declaraties` (cli.md).
public struct PrestatieRij: Sendable, Hashable {
    public var standaard: String
    public var gemeente: String
    public var aanbieder: String
    public var declaratieNummer: String
    public var bsn: String
    public var referentieNummer: String
    public var vorigReferentieNummer: String?
    public var toewijzingNummer: Int
    public var productCategorie: String
    public var productCode: String
    /// The ProductPeriode.
    public var begindatum: String
    public var einddatum: String
    public var geleverdVolume: Int
    public var eenheid: String
    public var productTarief: Int?
    /// Signed eurocent: a credit prestatie is negative.
    public var bedrag: Int
    /// `ingediend`, `toegekend`, `afgewezen` or `gecrediteerd`.
    public var status: String
    /// The codes that rejected it; empty when it was not rejected.
    public var retourCodes: [String]
}
