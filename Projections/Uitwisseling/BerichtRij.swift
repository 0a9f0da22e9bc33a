/// One message of the log with its exchange state: a row of `zorgledger berichten` (cli.md).
public struct BerichtRij: Sendable, Hashable {
    public var positie: Int64
    public var standaard: String?
    public var release: String?
    public var berichtCode: Int?
    public var berichttype: String?
    public var afzender: String?
    public var ontvanger: String?
    public var identificatie: String?
    public var dagtekening: String?
    public var bestand: String?
    public var gemeente: String?
    public var aanbieder: String?
    /// `verzonden`, `geaccepteerd` or `afgewezen` for a heenbericht; `retour` for a retour or 325.
    public var status: String
    /// A retour's own codes; for a heenbericht, the codes of the retour that answered it.
    public var retourCodes: [String]
    /// Codes of the level-2 rules the message breaks.
    public var bevindingen: [String]
    /// How it was delivered: `bestand`, `vecozo` or `ggk` (a message recorded before ledger format 3
    /// came in as a file).
    public var transport: String
    /// The VSP traceerId or StUF referentienummer.
    public var transportId: String?
    /// The ISO 8601 moment of receipt the transport gives.
    public var ontvangen: String?
}
