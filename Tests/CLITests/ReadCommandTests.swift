import Foundation
import Testing

/// Every read command in every format on a generated ledger: JSON holds the contract's shapes,
/// CSV parses back strictly with the same columns and rows, the table counts the same rows.
@Suite("Read commands in table, json and csv")
struct ReadCommandTests {
    /// The read commands of the contract with the filters that select something in the generated ledger.
    static func commands(_ ledger: GeneratedLedger) -> [[String]] {
        [
            ["toewijzingen"], ["toewijzingen", "--historie", "--peildatum", "2025-03-01"], ["zorg"],
            ["declaraties"], ["declaraties", "--openstaand"], ["verzoeken"], ["berichten"],
            ["berichten", "--status", "afgewezen"], ["bericht", "1"], ["traject", "--bsn", ledger.bsn],
            ["traject", "--toewijzing", String(ledger.toewijzing), "--gemeente", ledger.gemeente],
        ]
    }

    /// Commands whose rows carry the contract's `standaard`, `gemeente` and `aanbieder`.
    static let perRelatie: Set<String> = ["toewijzingen", "zorg", "declaraties", "verzoeken", "berichten", "traject"]

    @Test(arguments: 0..<11)
    func formatsAgree(_ index: Int) throws {
        let ledger = try GeneratedLedger.shared.get()
        let command = Self.commands(ledger)[index]
        let run = { (format: String) in
            try CLI.run(["--db", ledger.db] + command + ["--format", format], in: ledger.work.url)
        }

        let json = try run("json")
        #expect(json.status == 0 && json.stderr.isEmpty, "\(command): \(json.stderr)")
        let rows = try #require(try JSONValue.parse(json.stdout).rows, "\(command): not an array of objects")
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
        let records = try StrictCSV.parse(csv.stdout)
        #expect(records.count - 1 == rows.count, "\(command): csv rows")
        let keys = Set(rows[0].keys).subtracting(ContractShape.objectArrays)
        #expect(Set(records[0]) == keys, "\(command): csv header")
        #expect(records[0].count == keys.count, "\(command): a repeated csv column")

        let table = try run("table")
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        let count = "\(rows.count) \(rows.count == 1 ? "rij" : "rijen")"
        #expect(lines.contains { $0.hasPrefix(count) }, "\(command): no '\(count)' line")
    }

    @Test func onlyAmountsThatAddUpAreTotalled() throws {
        let ledger = try GeneratedLedger.shared.get()
        let declaraties = try CLI.run(["--db", ledger.db, "declaraties", "--format", "table"], in: ledger.work.url)
        let summary = try #require(declaraties.stdout.split(separator: "\n").last)
        #expect(summary.contains("totaal bedrag:"))
        #expect(!summary.contains("tarief"))
        let toewijzingen = try CLI.run(["--db", ledger.db, "toewijzingen", "--format", "table"], in: ledger.work.url)
        #expect(!toewijzingen.stdout.contains("totaal"))
        // Amounts read as euros in a table, as eurocent in JSON.
        #expect(declaraties.stdout.contains(","))
    }

    @Test func bsnsAreMaskedUnlessAskedFor() throws {
        let ledger = try GeneratedLedger.shared.get()
        let masked = try CLI.run(
            ["--db", ledger.db, "traject", "--bsn", ledger.bsn, "--format", "csv"], in: ledger.work.url)
        #expect(!masked.stdout.contains(ledger.bsn))
        #expect(masked.stdout.contains("*****" + ledger.bsn.suffix(4)))
        let shown = try CLI.run(
            ["--show-personal", "--db", ledger.db, "traject", "--bsn", ledger.bsn, "--format", "csv"],
            in: ledger.work.url)
        #expect(shown.stdout.contains(ledger.bsn))
    }

    @Test func dbBeforeAndAfterTheCommandIsTheSame() throws {
        let ledger = try GeneratedLedger.shared.get()
        let before = try CLI.run(["--db", ledger.db, "berichten", "--format", "csv"], in: ledger.work.url)
        let after = try CLI.run(["berichten", "--format", "csv", "--db", ledger.db], in: ledger.work.url)
        let equals = try CLI.run(["--db=\(ledger.db)", "berichten", "--format", "csv"], in: ledger.work.url)
        let environment = try CLI.run(
            ["berichten", "--format", "csv"], in: ledger.work.url, environment: ["ZORGLEDGER_DB": ledger.db])
        #expect(before.status == 0 && !before.stdout.isEmpty)
        #expect(after.stdout == before.stdout)
        #expect(equals.stdout == before.stdout)
        #expect(environment.stdout == before.stdout)
    }

    @Test func rawBytesAndVerify() throws {
        let ledger = try GeneratedLedger.shared.get()
        let raw = try CLI.run(["--db", ledger.db, "bericht", "1", "--raw"], in: ledger.work.url)
        #expect(raw.status == 0 && raw.stdout.hasPrefix("<?xml"))
        let verify = try CLI.run(["verify", "--db", ledger.db], in: ledger.work.url)
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: "))
    }
}
