public import Reconciliatie

/// The columns of `zorgledger reconcile --diff-regelset/--diff-contract`: the finding as the
/// second evaluation has it, what it said and cost before, and the difference.
extension Verschil: QueryRow {
    public static var columns: [Column<Verschil>] {
        [Column("wijziging") { .text($0.soort.rawValue) }] + Constatering.kern.map { $0.on(\.constatering) } + [
            Column("toelichtingVoor", "was", inTable: false) { .text($0.toelichtingVoor) },
            Column("bedragVoor", "voor", .summedAmount) { .integer($0.bedragVoor.map(Int64.init)) },
            Column("bedragNa", "na", .summedAmount) { .integer($0.bedragNa.map(Int64.init)) },
            Column("verschil", nil, .summedAmount) { .integer(Int64($0.verschil)) },
        ] + Constatering.oordeel.map { $0.on(\.constatering) }
    }
}
