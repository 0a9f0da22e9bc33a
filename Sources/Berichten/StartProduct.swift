/// The actual start of delivery in a 305/306 (regiebericht).
public struct StartProduct: Sendable, Hashable {
    /// Absent only for taakgerichte delivery without a toewijzing.
    public var toewijzingNummer: Int?
    public var product: Product?
    public var toewijzingIngangsdatum: Datum?
    public var begindatum: Datum
    public var statusAanlevering: StatusAanlevering
    public var retourCodes: [String]

    public init(
        toewijzingNummer: Int?, product: Product? = nil, toewijzingIngangsdatum: Datum? = nil,
        begindatum: Datum, statusAanlevering: StatusAanlevering, retourCodes: [String] = []
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.product = product
        self.toewijzingIngangsdatum = toewijzingIngangsdatum
        self.begindatum = begindatum
        self.statusAanlevering = statusAanlevering
        self.retourCodes = retourCodes
    }
}
