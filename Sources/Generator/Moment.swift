/// When a file arrives, to the second. Arrival order is what the ledger sees, and it deliberately
/// differs from dagtekening order now and then.
struct Moment: Comparable {
    var dag: Datum
    var seconde: Int

    var sleutel: Int { dag.dagnummer * 86_400 + seconde }

    static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.sleutel < rhs.sleutel }

    func plus(seconden: Int) -> Moment { Moment(dag: dag, seconde: seconde + seconden) }
}
