import Foundation
import TestSupport
import Testing

/// Every read command in every format on a generated ledger: JSON holds the contract's shapes,
/// CSV parses back strictly with the same columns and rows, the table counts the same rows.
@Suite("Read commands in table, json and csv")
struct ReadCommandTests {
    /// The read commands of the contract with the filters that select something in the generated ledger,
    /// also as known on a day or at a position (`--bekend-op`, `--tot-positie`).
    static func commands(_ ledger: GeneratedLedger) -> [[String]] {
        [
            ["toewijzingen"], ["toewijzingen", "--historie", "--peildatum", "2025-03-01"], ["zorg"],
            ["declaraties"], ["declaraties", "--openstaand"], ["verzoeken"], ["berichten"],
            ["berichten", "--status", "afgewezen"], ["bericht", "1"], ["traject", "--bsn", ledger.bsn],
            ["traject", "--toewijzing", String(ledger.toewijzing), "--gemeente", ledger.gemeente],
            ["toewijzingen", "--bekend-op", "2025-03-01"], ["berichten", "--tot-positie", "40"],
            ["zorg", "--bekend-op", "2025-04-01", "--tot-positie", "200"],
            ["reconcile", "--peildatum", "2025-06-01", "--bekend-op", "2025-04-30"],
            ["traject", "--bsn", ledger.bsn, "--bekend-op", "2025-04-01"],
        ]
    }

    /// Commands whose rows carry the contract's `standaard`, `gemeente` and `aanbieder`.
    static let perRelatie: Set<String> = ["toewijzingen", "zorg", "declaraties", "verzoeken", "berichten", "traject"]

    @Test(arguments: 0..<16)
    func formatsAgree(_ index: Int) throws {
        let ledger = try GeneratedLedger.shared.get()
        let command = Self.commands(ledger)[index]
        let run = { (format: String) in
            try ledger.work.run(["--db", ledger.db] + command + ["--format", format])
        }

        let json = try run("json")
        #expect(json.status == 0 && json.stderr.isEmpty, "\(command): \(json.stderr)")
        let rows = try #require(try JSONValue.parse(json.output).rows, "\(command): not an array of objects")
        try #require(!rows.isEmpty, "\(command) selects nothing in the generated ledger")
        for row in rows {
            #expect(ContractShape.problems(row).isEmpty, "\(command): \(ContractShape.problems(row))")
            if Self.perRelatie.contains(command[0]) {
                #expect(row["standaard"] == .string("iWmo") || row["standaard"] == .string("iJw"))
                #expect(
                    row["gemeente"].map { if case .string(let code) = $0 { code.count == 4 } else { false } } == true)
                #expect(
                    row["aanbieder"].map { if case .string(let agb) = $0 { agb.count == 8 } else { false } } == true)
            }
        }

        let csv = try run("csv")
        #expect(csv.status == 0)
        let records = try StrictCSV.parse(csv.output)
        #expect(records.count - 1 == rows.count, "\(command): csv rows")
        let keys = Set(rows[0].keys).subtracting(ContractShape.objectArrays)
        #expect(Set(records[0]) == keys, "\(command): csv header")
        #expect(records[0].count == keys.count, "\(command): a repeated csv column")

        let table = try run("table")
        #expect(table.status == 0)
        let lines = table.output.split(separator: "\n")
        let count = "\(rows.count) \(rows.count == 1 ? "rij" : "rijen")"
        #expect(lines.contains { $0.hasPrefix(count) }, "\(command): no '\(count)' line")
    }

    @Test func onlyAmountsThatAddUpAreTotalled() throws {
        let ledger = try GeneratedLedger.shared.get()
        let declaraties = try ledger.work.run(["--db", ledger.db, "declaraties", "--format", "table"])
        let summary = try #require(declaraties.output.split(separator: "\n").last)
        #expect(summary.contains("totaal bedrag:"))
        #expect(!summary.contains("tarief"))
        let toewijzingen = try ledger.work.run(["--db", ledger.db, "toewijzingen", "--format", "table"])
        #expect(!toewijzingen.output.contains("totaal"))
        // Amounts read as euros in a table, as eurocent in JSON.
        #expect(declaraties.output.contains(","))
    }

    @Test func bsnsAreMaskedUnlessAskedFor() throws {
        let ledger = try GeneratedLedger.shared.get()
        let masked = try ledger.work.run(
            ["--db", ledger.db, "traject", "--bsn", ledger.bsn, "--format", "csv"])
        #expect(!masked.output.contains(ledger.bsn))
        #expect(masked.output.contains("*****" + ledger.bsn.suffix(4)))
        let shown = try ledger.work.run(
            ["--show-personal", "--db", ledger.db, "traject", "--bsn", ledger.bsn, "--format", "csv"])
        #expect(shown.output.contains(ledger.bsn))
    }

    @Test func dbBeforeAndAfterTheCommandIsTheSame() throws {
        let ledger = try GeneratedLedger.shared.get()
        let before = try ledger.work.run(["--db", ledger.db, "berichten", "--format", "csv"])
        let after = try ledger.work.run(["berichten", "--format", "csv", "--db", ledger.db])
        let equals = try ledger.work.run(["--db=\(ledger.db)", "berichten", "--format", "csv"])
        let environment = try ledger.work.run(
            ["berichten", "--format", "csv"], environment: ["ZORGLEDGER_DB": ledger.db])
        #expect(before.status == 0 && !before.output.isEmpty)
        #expect(after.output == before.output)
        #expect(equals.output == before.output)
        #expect(environment.output == before.output)
    }

    @Test func rawBytesAndVerify() throws {
        let ledger = try GeneratedLedger.shared.get()
        let raw = try ledger.work.run(["--db", ledger.db, "bericht", "1", "--raw"])
        #expect(raw.status == 0 && raw.output.hasPrefix("<?xml"))
        let verify = try ledger.work.run(["verify", "--db", ledger.db])
        #expect(verify.status == 0 && verify.output.hasPrefix("ok: "))
    }
}
