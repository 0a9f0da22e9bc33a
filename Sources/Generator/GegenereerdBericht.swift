public import Berichten

/// One generated file as it would arrive: its name, its bytes, and what it is.
public struct GegenereerdBericht: Sendable, Hashable {
    /// `JW301_<afzender>_<identificatie>.xml`, with the actual sender (for a retour: the party
    /// sending the retour) and that sender's own identification. A duplicate delivery repeats it.
    public var bestandsnaam: String
    public var bytes: [UInt8]
    public var standaard: Standaard
    /// The message number: "301", "302", … "325".
    public var berichttype: String

    public init(bestandsnaam: String, bytes: [UInt8], standaard: Standaard, berichttype: String) {
        self.bestandsnaam = bestandsnaam
        self.bytes = bytes
        self.standaard = standaard
        self.berichttype = berichttype
    }
}
