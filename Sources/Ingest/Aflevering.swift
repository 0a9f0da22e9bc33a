/// How a message reached zorgledger, as its envelope says (report §9): the transport, its ids for
/// the message and the conversation, when it was received, who sent and received the envelope,
/// and the envelope's own bytes. A plain file has only a transport.
struct Aflevering: Sendable, Equatable {
    enum Transport: String, Sendable {
        /// A loose file, or standard input.
        case bestand
        /// A VECOZO portal ZIP entry or a VSP-Koppeling REST Pull download.
        case vecozo
        /// A StUF-GGk Di01/Du01 envelope of the GGK.
        case ggk
    }

    var transport: Transport
    /// The VSP traceerId, or the StUF referentienummer.
    var transportId: String?
    /// The VSP conversatieId.
    var conversatieId: String?
    /// The VSP alsAntwoordOp, or the StUF crossRefnummer: the transport id this message answers.
    var alsAntwoordOp: String?
    /// ISO 8601 moment of receipt as the transport gives it: the VSP ontvangenOp (offset kept), or
    /// the StUF tijdstipBericht (local time, no offset).
    var ontvangen: String?
    /// The envelope's sender and receiver: the VSP afzender and geadresseerden codes, the StUF
    /// zender and ontvanger organisatie.
    var afzender: String?
    var ontvanger: String?
    /// The envelope's exact bytes (the VSP metadata record, the StUF envelope), or nil.
    var envelop: [UInt8]?

    static let bestand = Aflevering(transport: .bestand)
}
