import Ledger
import Projection

/// The plan SQLite chooses for one query (EXPLAIN QUERY PLAN), read as a tree of loops.
///
/// Within one SELECT the loops are listed outermost first: only the first may read a whole
/// table (the rows a list command answers with); a scan in any later loop, or anywhere inside a
/// correlated subquery, reads that whole table again for every row of the loops around it. An
/// automatic index is built once per statement (SQLite guards it with OP_Once), so it counts
/// only against a lookup, which must not read a whole table even once. The outer loop of a
/// correlated subquery may step through a subquery's result: what that result reads is checked
/// itself.
struct QueryPlan {
    struct Stap {
        var id: Int
        var ouder: Int
        var detail: String
    }

    let sql: String
    let stappen: [Stap]

    init(_ sql: String, in connection: SQLiteConnection) throws {
        self.sql = sql
        stappen = try connection.rows("EXPLAIN QUERY PLAN " + sql) {
            Stap(id: $0.int(0), ouder: $0.int(1), detail: $0.string(3))
        }
    }

    /// Full reads that repeat per row of an outer loop: they make a list grow faster than its answer.
    var herhaaldeScans: [String] {
        var gevonden: [String] = []
        func loop(_ ouder: Int, gecorreleerd: Bool) {
            var eerste = true
            for stap in stappen where stap.ouder == ouder {
                // A subquery that is not correlated, a materialized one and a co-routine whose rows
                // fill an automatic index run once wherever they stand; any other co-routine runs
                // again each time the code around it does.
                let eenmalig = ["LIST SUBQUERY", "SCALAR SUBQUERY", "MATERIALIZE "].contains { stap.detail.hasPrefix($0) }
                    || vultAutomatischeIndex(stap, ouder: ouder)
                let inSubquery = stap.detail.hasPrefix("CORRELATED ") || (gecorreleerd && !eenmalig)
                if isLoop(stap) {
                    if isScan(stap) && (!eerste || (inSubquery && !leestSubquery(stap))) {
                        gevonden.append(stap.detail)
                    }
                    eerste = false
                }
                loop(stap.id, gecorreleerd: inSubquery)
            }
        }
        loop(0, gecorreleerd: false)
        return gevonden
    }

    /// Every full read of a table, wherever it is: one client's answers need none.
    var volledigeScans: [String] {
        stappen.filter { isLoop($0) && isVolledig($0) && !leestSubquery($0) }.map(\.detail)
    }

    private func vultAutomatischeIndex(_ stap: Stap, ouder: Int) -> Bool {
        guard stap.detail.hasPrefix("CO-ROUTINE ") else { return false }
        let naam = stap.detail.dropFirst("CO-ROUTINE ".count)
        return stappen.contains { $0.ouder == ouder && $0.detail.hasPrefix("SEARCH \(naam) USING AUTOMATIC ") }
    }

    private func isLoop(_ stap: Stap) -> Bool {
        stap.detail.hasPrefix("SCAN ") || stap.detail.hasPrefix("SEARCH ")
    }

    /// A SCAN of a table (also through a covering index) or of a subquery's result.
    private func isScan(_ stap: Stap) -> Bool {
        stap.detail.hasPrefix("SCAN ") && stap.detail != "SCAN CONSTANT ROW"
    }

    /// A SCAN, or a SEARCH through an automatic index, which SQLite builds by reading the whole table.
    private func isVolledig(_ stap: Stap) -> Bool {
        isScan(stap) || stap.detail.contains(" AUTOMATIC ")
    }

    /// Whether the loop reads a subquery's rows (a co-routine or materialized result) rather than a table.
    private func leestSubquery(_ stap: Stap) -> Bool {
        let naam = stap.detail.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        return naam.hasPrefix("(") || subqueries.contains(naam)
    }

    private var subqueries: Set<String> {
        Set(stappen.compactMap { stap in
            for prefix in ["CO-ROUTINE ", "MATERIALIZE "] where stap.detail.hasPrefix(prefix) {
                return String(stap.detail.dropFirst(prefix.count))
            }
            return nil
        })
    }
}
