/// A product as categorie plus optional code (CDT_Product); no code means an aspecific toewijzing.
public struct Product: Sendable, Hashable {
    /// Two digits from WMO020 (iWmo, 01–18) or JZ020 (iJw, 31–38 and 40–55).
    public var categorie: String
    /// One to five characters from a list agreed between the parties (IV075).
    public var code: String?

    public init(categorie: String, code: String? = nil) {
        self.categorie = categorie
        self.code = code
    }
}
