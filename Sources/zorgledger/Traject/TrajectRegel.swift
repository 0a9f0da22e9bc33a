/// One message in a client's or a toewijzing's timeline: what it was, what it meant in words,
/// how its retour judged it, and the lines it carried about the subject, each with the state
/// that line led to.
struct TrajectRegel {
    var positie: Int64
    /// The day the message was made: its Dagtekening, or for a retour its DagtekeningRetour.
    var dagtekening: String
    /// The standard's own moment within that day, where it has one (the Toewijzingstijd of a 301,
    /// also used for the 302 that answers it).
    var tijd: String?
    var berichttype: String
    var standaard: String
    var gemeente: String
    var aanbieder: String
    /// The client the lines are about; nil when the message names none (an unreadable one).
    var bsn: String?
    var omschrijving: String
    /// `verzonden`, `geaccepteerd` or `afgewezen` for a heenbericht, `retour` for a retour or 325.
    var status: String
    /// A retour's own codes; for a heenbericht, those of its retour.
    var retourCodes: [String]
    /// One object per line about the subject, with the state it led to.
    var details: [[(key: String, value: ResultTable.Cell)]]
}
