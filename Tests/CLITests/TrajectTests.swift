import TestSupport
import Testing

/// `traject`: every message about a client or a toewijzing, in business order, said in words.
@Suite("traject")
struct TrajectTests {
    @Test func aClientsTimelineIsInBusinessOrder() throws {
        let ledger = try GeneratedLedger.shared.get()
        let json = try ledger.work.run(
            ["--db", ledger.db, "traject", "--bsn", ledger.bsn, "--format", "json"])
        let rows = try #require(try JSONValue.parse(json.output).rows)
        let dagen = rows.compactMap { row -> String? in
            if case .string(let dag) = row["dagtekening"] { dag } else { nil }
        }
        #expect(dagen.count == rows.count)
        #expect(dagen == dagen.sorted(), "not in order of dagtekening")
        let types = Set(
            rows.compactMap { row -> String? in if case .string(let type) = row["berichttype"] { type } else { nil } })
        // A client's story has at least a toewijzing, its answer, a start and a claim.
        #expect(types.isSuperset(of: ["301", "302", "305", "323"]), "\(types)")
        for row in rows {
            guard case .string(let omschrijving) = row["omschrijving"] else {
                Issue.record("a row without omschrijving: \(row)")
                return
            }
            #expect(omschrijving.hasPrefix("gemeente ") || omschrijving.hasPrefix("aanbieder "), "\(omschrijving)")
            #expect(!omschrijving.contains(ledger.bsn), "a BSN in the words")
            if row["berichttype"] == .string("301") {
                #expect(omschrijving.contains("toewijzing "), "\(omschrijving)")
                guard case .array(let details) = row["details"] else {
                    Issue.record("a 301 without details: \(row)")
                    return
                }
                #expect(!details.isEmpty)
            }
        }
    }

    @Test func aToewijzingsTimelineNamesItsNumberAndState() throws {
        let ledger = try GeneratedLedger.shared.get()
        let nummer = String(ledger.toewijzing)
        let table = try ledger.work.run(
            ["traject", "--toewijzing", nummer, "--gemeente", ledger.gemeente, "--db", ledger.db, "--format", "table"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.output.hasPrefix("Traject van toewijzing \(nummer) van gemeente \(ledger.gemeente)"))
        #expect(table.output.contains("wees ") && table.output.contains("(toewijzing \(nummer))"))
        #expect(table.output.contains("Stand op "))
        #expect(table.output.contains("\ntoewijzingen\n"))

        let json = try ledger.work.run(
            ["traject", "--toewijzing", nummer, "--db", ledger.db, "--format", "json"])
        let rows = try #require(try JSONValue.parse(json.output).rows)
        let toewijzingen = rows.filter { $0["berichttype"] == .string("301") }
        #expect(!toewijzingen.isEmpty)
        for row in toewijzingen {
            guard case .array(let details) = row["details"] else {
                Issue.record("a 301 without details: \(row)")
                return
            }
            for detail in details {
                #expect(detail["toewijzingNummer"] == .integer(Int64(ledger.toewijzing)))
                #expect(
                    ["actueel", "beeindigd", "verwijderd"].map(JSONValue.string).contains(detail["status"] ?? .null))
            }
        }
    }

    @Test(arguments: [
        [], ["--bsn", "123456789", "--toewijzing", "1"], ["--bsn", "12"], ["--bsn", "123456789", "--gemeente", "0363"],
        ["--toewijzing", "1", "--gemeente", "363"],
    ])
    func badSubjectsAreUsageErrors(_ arguments: [String]) throws {
        let work = try WorkDirectory()
        let result = try work.run(["traject"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("zorgledger traject: "))
    }

    @Test func anUnknownClientHasAnEmptyTimeline() throws {
        let ledger = try GeneratedLedger.shared.get()
        let json = try ledger.work.run(
            ["--db", ledger.db, "traject", "--bsn", "000000000", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.output == "[]\n")
    }
}
