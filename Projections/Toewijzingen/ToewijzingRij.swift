/// The current version of one toegewezen product: a row of `zorgledger toewijzingen` (cli.md).
public struct ToewijzingRij: Sendable, Hashable {
    public var standaard: String
    public var gemeente: String
    public var aanbieder: String
    public var bsn: String
    public var toewijzingNummer: Int
    public var productCategorie: String?
    public var productCode: String?
    public var ingangsdatum: String
    public var einddatum: String?
    public var volume: Int?
    public var eenheid: String?
    public var frequentie: String?
    public var budget: Int?
    public var redenWijziging: String?
    public var toewijzingsdatum: String
    public var toewijzingstijd: String
    public var referentieAanbieder: String?
    /// `actueel`, `beeindigd` or `verwijderd` at the peildatum.
    public var status: String
    /// The log position of the 301 that carried this version (the first one, when several did).
    public var positie: Int64
    /// That 301's Dagtekening: from that day on the version was known.
    public var bekendSinds: String
}
