/// Who referred the client (CDT_Verwijzer), mandatory in every 315.
public struct Verwijzer: Sendable, Hashable {
    /// COD327: 01 gemeente … 08 rechter.
    public var type: String
    public var naam: String?
    /// An AGB code.
    public var zorgverlenerCode: String?

    public init(type: String, naam: String? = nil, zorgverlenerCode: String? = nil) {
        self.type = type
        self.naam = naam
        self.zorgverlenerCode = zorgverlenerCode
    }
}
