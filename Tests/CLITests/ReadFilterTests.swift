import Foundation
import TestSupport
import Testing

/// The read filters on ``TweeGemeenten``: four prestaties (three of 0384/42420001 in April, on 1001, 1001
/// and 1002; one of 0599/42420002 in March on 2001) and three toewijzingen (1001 and 1002 of 0384, 2001 of 0599).
@Suite("read filters")
struct ReadFilterTests {
    /// command, filter, then the hand-counted "gemeente/toewijzingNummer/referentieNummer" rows it keeps.
    @Test(arguments: [
        (["declaraties"], ["--gemeente", "0599"], ["0599/2001/RN1"]),
        (["declaraties"], ["--aanbieder", "42420001"], ["0384/1001/RN1", "0384/1001/RN2", "0384/1002/RN3"]),
        (["declaraties"], ["--toewijzing", "1001"], ["0384/1001/RN1", "0384/1001/RN2"]),
        // Periods ending on or after 1 April: the April ones; starting on or before 31 March: the March one.
        (["declaraties"], ["--van", "2025-04-01"], ["0384/1001/RN1", "0384/1001/RN2", "0384/1002/RN3"]),
        (["declaraties"], ["--tot", "2025-03-31"], ["0599/2001/RN1"]),
        (["declaraties"], ["--van", "2025-03-15", "--tot", "2025-03-31"], ["0599/2001/RN1"]),
        (["declaraties"], ["--gemeente", "0384", "--toewijzing", "2001"], []),
        (["toewijzingen"], ["--gemeente", "0384"], ["0384/1001/-", "0384/1002/-"]),
        (["toewijzingen"], ["--aanbieder", "42420002"], ["0599/2001/-"]),
        (["toewijzingen"], ["--toewijzing", "1002"], ["0384/1002/-"]),
        (["toewijzingen"], ["--bsn", "999900018"], ["0599/2001/-"]),
    ])
    func aFilterKeepsExactlyItsRows(_ command: [String], _ filter: [String], _ expected: [String]) throws {
        let ledger = try TweeGemeenten()
        let sleutel = { (row: [String: JSONValue]) in
            "\(row.text("gemeente") ?? "?")/\(row.integer("toewijzingNummer") ?? 0)/\(row.text("referentieNummer") ?? "-")"
        }
        let alle = try ledger.rows(command + ["--peildatum", "2025-05-01"]).map(sleutel).sorted()
        let gefilterd = try ledger.rows(command + filter + ["--peildatum", "2025-05-01"]).map(sleutel).sorted()
        #expect(alle.count == (command == ["declaraties"] ? 4 : 3), "\(alle)")
        #expect(gefilterd == expected, "\(command) \(filter)")
        #expect(Set(alle).isSuperset(of: gefilterd) && alle.count > gefilterd.count)
    }

    @Test(arguments: [
        ["declaraties", "--van", "2025-02-30"], ["declaraties", "--tot", "morgen"], ["toewijzingen", "--toewijzing", "x"],
    ])
    func aBadFilterIsAUsageError(_ arguments: [String]) throws {
        let ledger = try TweeGemeenten()
        let exit = try ledger.run(arguments)
        #expect(exit.status == 2 && exit.stderrLines.count == 1, "\(arguments): \(exit.stderr)")
    }
}
