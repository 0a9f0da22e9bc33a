/// A non-negative amount in eurocent with its debet/credit sign (CDT_BedragMetDC, CDT_TotaalBedragMetDC).
public struct Bedrag: Sendable, Hashable {
    public var eurocent: Int
    public var debetCredit: DebetCredit

    public init(eurocent: Int, debetCredit: DebetCredit) {
        self.eurocent = eurocent
        self.debetCredit = debetCredit
    }

    /// The amount as a signed number: credit is negative.
    public var metTeken: Int { debetCredit.metTeken(eurocent) }
}
