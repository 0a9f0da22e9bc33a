/// The actual (temporary or definitive) end of delivery in a 307/308.
public struct StopProduct: Sendable, Hashable {
    public var toewijzingNummer: Int?
    public var product: Product?
    public var toewijzingIngangsdatum: Datum?
    /// The Begindatum of the start being stopped.
    public var begindatum: Datum
    /// Part of the logical key since 3.2.
    public var redenBeeindiging: RedenBeeindiging
    public var einddatum: Datum
    public var statusAanlevering: StatusAanlevering
    public var retourCodes: [String]

    public init(
        toewijzingNummer: Int?, product: Product? = nil, toewijzingIngangsdatum: Datum? = nil,
        begindatum: Datum, redenBeeindiging: RedenBeeindiging, einddatum: Datum,
        statusAanlevering: StatusAanlevering, retourCodes: [String] = []
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.product = product
        self.toewijzingIngangsdatum = toewijzingIngangsdatum
        self.begindatum = begindatum
        self.redenBeeindiging = redenBeeindiging
        self.einddatum = einddatum
        self.statusAanlevering = statusAanlevering
        self.retourCodes = retourCodes
    }
}
