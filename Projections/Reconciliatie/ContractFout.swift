/// A contract file that cannot be loaded, with the file and line to fix.
public struct ContractFout: Error, Sendable, CustomStringConvertible {
    public var bestand: String
    /// The line number, from 1; nil for a problem with the file as a whole.
    public var regel: Int?
    public var melding: String

    public init(bestand: String, regel: Int? = nil, melding: String) {
        self.bestand = bestand
        self.regel = regel
        self.melding = melding
    }

    public var description: String { "\(bestand)\(regel.map { ":\($0)" } ?? ""): \(melding)" }
}
