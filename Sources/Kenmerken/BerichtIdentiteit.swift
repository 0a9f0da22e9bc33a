/// The natural identity of a message (report §4.2): BerichtCode, Afzender and Identificatie,
/// plus the retour's own IdentificatieRetour for a retour.
public struct BerichtIdentiteit: Hashable, Sendable {
    public var berichtCode: Int
    public var afzender: String
    public var identificatie: String
    public var identificatieRetour: String?

    public init(berichtCode: Int, afzender: String, identificatie: String, identificatieRetour: String? = nil) {
        self.berichtCode = berichtCode
        self.afzender = afzender
        self.identificatie = identificatie
        self.identificatieRetour = identificatieRetour
    }
}
