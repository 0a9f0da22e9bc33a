/// How much care: Volume units per Frequentie (CDT_Omvang).
public struct Omvang: Sendable, Hashable {
    public var volume: Int
    public var eenheid: Eenheid
    public var frequentie: Frequentie

    public init(volume: Int, eenheid: Eenheid, frequentie: Frequentie) {
        self.volume = volume
        self.eenheid = eenheid
        self.frequentie = frequentie
    }
}
