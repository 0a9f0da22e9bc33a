/// A product a VOW asks for on top of the current toewijzingen.
public struct NieuwProduct: Sendable, Hashable {
    public var product: Product?
    public var gewensteIngangsdatum: Datum
    public var einddatum: Datum?
    public var omvang: Omvang?
    public var budget: Int?
    public var retourCodes: [String]

    public init(
        product: Product? = nil, gewensteIngangsdatum: Datum, einddatum: Datum? = nil, omvang: Omvang? = nil,
        budget: Int? = nil, retourCodes: [String] = []
    ) {
        self.product = product
        self.gewensteIngangsdatum = gewensteIngangsdatum
        self.einddatum = einddatum
        self.omvang = omvang
        self.budget = budget
        self.retourCodes = retourCodes
    }
}
