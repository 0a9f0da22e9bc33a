/// One delivery period (a start and the stop that decides it): a row of `zorgledger zorg` (cli.md).
public struct ZorgRij: Sendable, Hashable {
    public var standaard: String
    public var gemeente: String
    public var aanbieder: String
    public var bsn: String
    public var toewijzingNummer: Int?
    public var productCategorie: String?
    public var productCode: String?
    public var begindatum: String
    public var einddatum: String?
    public var redenBeeindiging: String?
    /// `lopend`, `tijdelijk_gestopt` (RedenBeeindiging 20) or `beeindigd`.
    public var status: String
}
