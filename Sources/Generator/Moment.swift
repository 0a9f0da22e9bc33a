internal import Berichten

/// When a file arrives, to the second. Arrival order is what the ledger sees, and it deliberately
/// differs from dagtekening order now and then.
struct Moment: Comparable {
    let dag: Datum
    /// Seconds since 1970-01-01, worked out once: a month's traffic is sorted on it, and the date
    /// alone keeps no day number.
    let sleutel: Int

    init(dag: Datum, seconde: Int) { self.init(dag: dag, sleutel: dag.dagnummer * 86_400 + seconde) }

    private init(dag: Datum, sleutel: Int) {
        self.dag = dag
        self.sleutel = sleutel
    }

    static func < (lhs: Moment, rhs: Moment) -> Bool { lhs.sleutel < rhs.sleutel }

    /// The same day, `seconden` later (or earlier); the day stays even when the time leaves it.
    func plus(seconden: Int) -> Moment { Moment(dag: dag, sleutel: sleutel + seconden) }
}
