/// A contract or rule-set choice recorded in the ledger: what `zorgledger contract` and
/// `zorgledger regels` list.
public struct Vastgelegd: Sendable, Hashable {
    public var positie: Int64
    public var door: String
    public var op: String
    /// The contract file's name; nil for a rule-set choice.
    public var bestand: String?
    /// The number of tariffs of a contract; 0 for a rule-set choice.
    public var tarieven: Int
    /// The gemeenten a contract covers.
    public var gemeenten: [String]
    /// The chosen version of a rule-set choice; nil for a contract.
    public var versie: Int?
}
