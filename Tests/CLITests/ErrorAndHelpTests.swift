import Foundation
import TestSupport
import Testing

/// Failures are one line on stderr with the contract's exit code; every command explains itself.
@Suite("Errors and help")
struct ErrorAndHelpTests {
    /// The subcommands `zorgledger --help` lists, so that a new command is checked without a test change.
    static func subcommands() throws -> [String] {
        let work = try WorkDirectory()
        let help = try work.run(["--help"]).output
        // The section runs from its title to the first empty line.
        let section = (help.components(separatedBy: "SUBCOMMANDS:").last ?? "").components(separatedBy: "\n\n")[0]
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" }
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let commands = try Self.subcommands()
        #expect(
            Set(commands).isSuperset(of: [
                "demo", "ingest", "toewijzingen", "zorg", "declaraties", "verzoeken", "traject", "berichten", "bericht",
                "replay", "verify", "generate",
            ]), "\(commands)")
        let work = try WorkDirectory()
        for command in commands {
            let help = try work.run([command, "--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.output.contains("Example"), "\(command) --help shows no example")
            #expect(
                help.output.contains("zorgledger \(command)") || help.output.contains("zorgledger --db"), "\(command)")
        }
    }

    /// Command-level failures: exit 1, one line naming the thing, and no ledger file left behind.
    @Test(arguments: [
        ["--db", "missing.sqlite", "toewijzingen"], ["--db", "missing.sqlite", "traject", "--bsn", "123456789"],
        ["--db", "notaledger.txt", "berichten"], ["--db", "notaledger.txt", "verify"],
        ["--db", "new.sqlite", "ingest", "nosuchfolder"],
        ["--db", "new.sqlite", "ingest", "--schemas", "nosuchdir", "."],
        ["--db", "missing.sqlite", "bericht", "1", "--raw"],
    ])
    func failuresAreOneLine(_ arguments: [String]) throws {
        let work = try WorkDirectory()
        try Data("not a ledger\n".utf8).write(to: work.url.appendingPathComponent("notaledger.txt"))
        let result = try work.run(arguments)
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("zorgledger: "))
        #expect(!FileManager.default.fileExists(atPath: work.path("missing.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: work.path("new.sqlite")), "\(arguments) created a ledger")
    }

    /// A PostgreSQL URL of a server that is not there, by option or environment: one line that keeps the
    /// user and host but never the password (which may itself hold `:` and `@`), and no file made of its
    /// name; the demo, which makes an SQLite file of its own, refuses the URL in one line too.
    @Test(arguments: [
        ["verify"], ["ingest", "."], ["bericht", "1", "--raw"], ["toewijzingen"], ["demo", "--clients", "1"],
    ])
    func anUnreachablePostgresLogFailsInOneLineWithoutItsPassword(_ command: [String]) throws {
        let work = try WorkDirectory()
        for (arguments, environment) in [
            (["--db", "postgresql://zorg:geheim@127.0.0.1:5999/zorg"] + command, [:]),
            (command, ["ZORGLEDGER_DB": "postgres://zorg:ge:h@eim@127.0.0.1:5998/zorg"]),
        ] {
            let result = try work.run(arguments, environment: environment)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderrLines.count == 1 && result.output.isEmpty, "\(arguments): \(result.stderr)")
            let reason = command[0] == "demo" ? "keeps its ledger in an SQLite file" : "the server cannot be reached"
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(result.stderr.contains("zorg@"), "\(result.stderr)")
            #expect(!result.stderr.contains("geheim") && !result.stderr.contains("ge:h"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path(".")).isEmpty)
    }

    @Test(arguments: [
        ["nosuchcommand"], ["toewijzingen", "--format", "xml"], ["declaraties", "--status", "betaald"],
        ["ingest"], ["zorg", "--peildatum", "2026-02-30"], ["berichten", "--bogus"],
        ["declaraties", "--openstaand", "--status", "ingediend"],
        ["toewijzingen", "--bekend-op", "2025-13-01"], ["berichten", "--bekend-op", "gisteren"],
        ["zorg", "--tot-positie", "-1"], ["declaraties", "--tot-positie", "abc"], ["verzoeken", "--tot-positie", "-5"],
        ["reconcile", "--bekend-op", "2025-02-29"], ["traject", "--bsn", "123456789", "--tot-positie", "-1"],
        ["traject", "--bsn", "123456789", "--bekend-op", "31-12-2025"],
    ])
    func usageErrorsAreOneLineWithExitTwo(_ arguments: [String]) throws {
        let work = try WorkDirectory()
        let result = try work.run(arguments)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stderrLines.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("--help"), "one line that says where help is")
    }
}
