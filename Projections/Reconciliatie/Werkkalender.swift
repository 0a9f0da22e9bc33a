public import Berichten

/// Counts werkdagen for the deadlines of report §6.8: Monday to Friday, minus ``Feestdagen``.
public struct Werkkalender: Sendable {
    public let feestdagen: Feestdagen

    public init(feestdagen: Feestdagen) {
        self.feestdagen = feestdagen
    }

    public func isWerkdag(_ datum: Datum) -> Bool {
        datum.weekdag <= 5 && !feestdagen.van(datum.year).contains(datum)
    }

    /// The last day of a period of `werkdagen` werkdagen after `datum`: a message received on a
    /// Monday must be answered "within 3 werkdagen" on Thursday at the latest.
    public func termijn(na datum: Datum, werkdagen: Int) -> Datum {
        var dag = datum
        var over = werkdagen
        // One holiday set per year crossed, not per day: reconcile counts a deadline for every message.
        var jaar = datum.year
        var vrij = feestdagen.van(jaar)
        while over > 0 {
            dag = dag.plus(dagen: 1)
            if dag.year != jaar {
                jaar = dag.year
                vrij = feestdagen.van(jaar)
            }
            if dag.weekdag <= 5 && !vrij.contains(dag) { over -= 1 }
        }
        return dag
    }
}
