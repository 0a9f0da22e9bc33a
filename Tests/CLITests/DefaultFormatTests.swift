import Foundation
import TestSupport
import Testing

/// Without `--format`, a script (stdout not a terminal) gets JSON and a person at a terminal a table.
@Suite("default output format")
struct DefaultFormatTests {
    @Test func notATerminalGetsJSON() throws {
        let ledger = try TweeGemeenten()
        // The child's stdout is a file, as in a pipe or a redirect.
        let berichten = try ledger.run(["berichten"])
        #expect(berichten.status == 0)
        let rows = try #require(try JSONValue.parse(berichten.output).rows, "\(berichten.output)")
        #expect(rows.map { $0.integer("positie") } == Array(1...8))
        #expect(rows.map { $0.text("berichttype") } == ["301", "302", "301", "302", "323", "325", "323", "325"])
        let toewijzingen = try #require(try JSONValue.parse(try ledger.run(["toewijzingen"]).output).rows)
        #expect(toewijzingen.count == 3)
    }

    /// `script` gives the child a pseudo-terminal as stdout.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalGetsATable() throws {
        let ledger = try TweeGemeenten()
        let exit = try ledger.work.shell(
            "/usr/bin/script -qec '\(Zorgledger.executable) --db ledger.sqlite berichten' /dev/null")
        #expect(exit.status == 0, "\(exit.stderr)")
        let lines = exit.output.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("8 rijen") }, "\(exit.output)")
        #expect(!exit.output.hasPrefix("["))
    }
}
