/// One requested product in a 315/316, keyed by ``referentieAanbieder`` (unique in the message, TR383).
public struct AangevraagdProduct: Sendable, Hashable {
    public var referentieAanbieder: String
    public var beschikkingNummer: Int?
    public var product: Product?
    public var beschikkingIngangsdatum: Datum?
    public var toewijzingIngangsdatum: Datum
    public var toewijzingEinddatum: Datum?
    public var omvang: Omvang?
    public var budget: Int?
    public var verwijzer: Verwijzer
    public var raamcontract: Bool?
    public var commentaar: String?
    public var retourCodes: [String]

    public init(
        referentieAanbieder: String, beschikkingNummer: Int? = nil, product: Product? = nil,
        beschikkingIngangsdatum: Datum? = nil, toewijzingIngangsdatum: Datum, toewijzingEinddatum: Datum? = nil,
        omvang: Omvang? = nil, budget: Int? = nil, verwijzer: Verwijzer, raamcontract: Bool? = nil,
        commentaar: String? = nil, retourCodes: [String] = []
    ) {
        self.referentieAanbieder = referentieAanbieder
        self.beschikkingNummer = beschikkingNummer
        self.product = product
        self.beschikkingIngangsdatum = beschikkingIngangsdatum
        self.toewijzingIngangsdatum = toewijzingIngangsdatum
        self.toewijzingEinddatum = toewijzingEinddatum
        self.omvang = omvang
        self.budget = budget
        self.verwijzer = verwijzer
        self.raamcontract = raamcontract
        self.commentaar = commentaar
        self.retourCodes = retourCodes
    }
}
