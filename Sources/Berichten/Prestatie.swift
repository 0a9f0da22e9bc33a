/// One declared delivery in a 323 (or a rejected one in a 325), keyed by ``referentieNummer``.
public struct Prestatie: Sendable, Hashable {
    public var referentieNummer: String
    /// The earlier line this one credits or corrects.
    public var vorigReferentieNummer: String?
    public var toewijzingNummer: Int
    public var productCategorie: String
    public var productCode: String
    /// Within one calendar month (CS337).
    public var productPeriode: Periode
    public var geleverdVolume: Int
    public var eenheid: Eenheid
    /// Eurocent per unit; absent only for Eenheid 83 (CD087).
    public var productTarief: Int?
    public var ingediendBedrag: Bedrag
    public var retourCodes: [String]

    public init(
        referentieNummer: String, vorigReferentieNummer: String? = nil, toewijzingNummer: Int,
        productCategorie: String, productCode: String, productPeriode: Periode, geleverdVolume: Int,
        eenheid: Eenheid, productTarief: Int? = nil, ingediendBedrag: Bedrag, retourCodes: [String] = []
    ) {
        self.referentieNummer = referentieNummer
        self.vorigReferentieNummer = vorigReferentieNummer
        self.toewijzingNummer = toewijzingNummer
        self.productCategorie = productCategorie
        self.productCode = productCode
        self.productPeriode = productPeriode
        self.geleverdVolume = geleverdVolume
        self.eenheid = eenheid
        self.productTarief = productTarief
        self.ingediendBedrag = ingediendBedrag
        self.retourCodes = retourCodes
    }
}
