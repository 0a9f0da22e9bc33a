/// The client a message is about, reduced to what the ledger keys on.
///
/// Name, birth date, addresses, telephone numbers and relaties are checked for structure by the
/// decoder but not kept: no projection needs them, and personal data the ledger never holds
/// cannot leak from it.
public struct Client: Sendable, Hashable {
    /// Nine digits; the 11-proef is a business rule (CS002), see ``Bericht/bevindingen()``.
    public var bsn: String
    /// The retour's verdict on the Client class; empty in a heenbericht.
    public var retourCodes: [String]

    public init(bsn: String, retourCodes: [String] = []) {
        self.bsn = bsn
        self.retourCodes = retourCodes
    }
}
