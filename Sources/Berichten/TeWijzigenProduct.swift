/// A current toewijzing a VOW wants changed from ``gewensteIngangsdatum`` on.
public struct TeWijzigenProduct: Sendable, Hashable {
    public var toewijzingNummer: Int
    public var gewensteIngangsdatum: Datum
    public var einddatum: Datum?
    public var omvang: Omvang?
    public var budget: Int?
    public var retourCodes: [String]

    public init(
        toewijzingNummer: Int, gewensteIngangsdatum: Datum, einddatum: Datum? = nil, omvang: Omvang? = nil,
        budget: Int? = nil, retourCodes: [String] = []
    ) {
        self.toewijzingNummer = toewijzingNummer
        self.gewensteIngangsdatum = gewensteIngangsdatum
        self.einddatum = einddatum
        self.omvang = omvang
        self.budget = budget
        self.retourCodes = retourCodes
    }
}
