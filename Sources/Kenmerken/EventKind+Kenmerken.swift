public import Ledger

/// The kinds of event zorgledger's log holds, in the order a ledger file keeps them
/// (``EventDescription/berichten``). Exchanged messages are most of the log; contracts and the
/// choice of rules are recorded too, so any past evaluation can be reproduced.
extension EventKind {
    /// An iWmo/iJw message as it was exchanged.
    public static let bericht = EventKind(rawValue: "bericht")
    /// An aanbieder's contract with a gemeente (`contract load`).
    public static let contract = EventKind(rawValue: "contract")
    /// The set of rules the reconciliation applies from then on (`regels gebruik`).
    public static let regelset = EventKind(rawValue: "regelset")
}
