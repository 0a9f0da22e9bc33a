/// The header every message starts with (report §4.2).
///
/// A retour copies the heenbericht's Afzender, Ontvanger and BerichtIdentificatie and adds its
/// own identification in ``identificatieRetour``/``dagtekeningRetour``; a 325 names the 323 it
/// answers in ``declaratieIdentificatie``/``declaratieDagtekening``.
public struct Header: Sendable, Hashable {
    public var berichtCode: Int
    public var berichtVersie: Int
    public var berichtSubversie: Int
    /// A 4-digit CBS gemeentecode or an 8-digit AGB code, depending on the direction.
    public var afzender: String
    public var ontvanger: String
    public var identificatie: String
    public var dagtekening: Datum
    public var identificatieRetour: String?
    public var dagtekeningRetour: Datum?
    public var declaratieIdentificatie: String?
    public var declaratieDagtekening: Datum?
    /// The verdict on the header (or the whole message); empty when absent.
    public var retourCodes: [String]

    public init(
        berichtCode: Int, berichtVersie: Int, berichtSubversie: Int, afzender: String, ontvanger: String,
        identificatie: String, dagtekening: Datum, identificatieRetour: String? = nil,
        dagtekeningRetour: Datum? = nil, declaratieIdentificatie: String? = nil,
        declaratieDagtekening: Datum? = nil, retourCodes: [String] = []
    ) {
        self.berichtCode = berichtCode
        self.berichtVersie = berichtVersie
        self.berichtSubversie = berichtSubversie
        self.afzender = afzender
        self.ontvanger = ontvanger
        self.identificatie = identificatie
        self.dagtekening = dagtekening
        self.identificatieRetour = identificatieRetour
        self.dagtekeningRetour = dagtekeningRetour
        self.declaratieIdentificatie = declaratieIdentificatie
        self.declaratieDagtekening = declaratieDagtekening
        self.retourCodes = retourCodes
    }
}
