/// One toewijzing in a 301/302, keyed by ``toewijzingNummer`` (unique per gemeente and domain, TR332).
public struct ToegewezenProduct: Sendable, Hashable {
    public var toewijzingNummer: Int
    /// Present when the toewijzing honours a VOT or VOW (TR379).
    public var referentieAanbieder: String?
    /// Absent for a generic toewijzing.
    public var product: Product?
    public var toewijzingsdatum: Datum
    /// With ``toewijzingsdatum``: the moment of the decision; the latest wins (IV013).
    public var toewijzingstijd: Tijd
    public var ingangsdatum: Datum
    public var einddatum: Datum?
    public var redenWijziging: RedenWijziging?
    public var omvang: Omvang?
    /// In eurocent; the alternative to ``omvang`` (CD077/CD078).
    public var budget: Int?
    public var commentaar: String?
    public var retourCodes: [String]

    public init(
        toewijzingNummer: Int, referentieAanbieder: String? = nil, product: Product? = nil,
        toewijzingsdatum: Datum, toewijzingstijd: Tijd, ingangsdatum: Datum, einddatum: Datum? = nil,
        redenWijziging: RedenWijziging? = nil, omvang: Omvang? = nil, budget: Int? = nil,
        commentaar: String? = nil, retourCodes: [String] = []
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.referentieAanbieder = referentieAanbieder
        self.product = product
        self.toewijzingsdatum = toewijzingsdatum
        self.toewijzingstijd = toewijzingstijd
        self.ingangsdatum = ingangsdatum
        self.einddatum = einddatum
        self.redenWijziging = redenWijziging
        self.omvang = omvang
        self.budget = budget
        self.commentaar = commentaar
        self.retourCodes = retourCodes
    }
}
