/// One VOT product or one VOW with its answer state: a row of `zorgledger verzoeken` (cli.md).
public struct VerzoekRij: Sendable, Hashable {
    public var standaard: String
    public var gemeente: String
    public var aanbieder: String
    public var bsn: String
    public var referentieAanbieder: String
    /// `VOT` or `VOW`.
    public var soort: String
    /// `ingediend`, `in_onderzoek`, `toegewezen`, `afgewezen` or `ongeldig`.
    public var status: String
    /// The reason of the refusal, only when the status is `afgewezen`.
    public var redenAfwijzingVerzoek: String?
}
