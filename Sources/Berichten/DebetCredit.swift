/// The sign of an amount, which the standard keeps apart from the non-negative number (COD043, IV024).
public enum DebetCredit: String, Sendable, Hashable, CaseIterable, Codelijst {
    case debet = "D"
    case credit = "C"

    /// `eurocent` with this sign: debet counts up, credit counts down.
    public func metTeken(_ eurocent: Int) -> Int { self == .debet ? eurocent : -eurocent }

    static let naam = "DebetCredit"
    static func identificatie(for standaard: Standaard) -> String { "COD043" }
}
