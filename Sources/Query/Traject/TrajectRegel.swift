/// One message in a client's or a toewijzing's timeline: what it was, what it meant in words,
/// how its retour judged it, and the lines it carried about the subject, each with the state
/// that line led to.
public struct TrajectRegel {
    public var positie: Int64
    /// The day the message was made: its Dagtekening, or for a retour its DagtekeningRetour.
    public var dagtekening: String
    /// The standard's own moment within that day, where it has one (the Toewijzingstijd of a 301,
    /// also used for the 302 that answers it).
    public var tijd: String?
    public var berichttype: String
    public var standaard: String
    public var gemeente: String
    public var aanbieder: String
    /// The client the lines are about; nil when the message names none (an unreadable one).
    public var bsn: String?
    public var omschrijving: String
    /// `verzonden`, `geaccepteerd` or `afgewezen` for a heenbericht, `retour` for a retour or 325.
    public var status: String
    /// A retour's own codes; for a heenbericht, those of its retour.
    public var retourCodes: [String]
    /// One object per line about the subject, with the state it led to.
    public var details: [[(key: String, value: Cell)]]
}
