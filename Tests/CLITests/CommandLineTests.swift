import Foundation
import TestSupport
import Testing

/// The command line itself: global options in the root help, subcommands with their own help,
/// `demo` on $ZORGLEDGER_DB, and `generate --out` into folders that do not exist yet.
@Suite("command line")
struct CommandLineTests {
    @Test func theRootHelpListsTheGlobalOptions() throws {
        let help = try WorkDirectory().run(["--help"])
        #expect(help.status == 0)
        let section = help.output.components(separatedBy: "GLOBAL OPTIONS:").dropFirst().first ?? ""
        for option in ["--db <file|url>", "--projections <file>", "--schemas <dir>", "--show-personal"] {
            #expect(section.contains(option), "\(option) is not among the global options: \(help.output)")
        }
    }

    @Test(arguments: [["contract", "load"], ["contract", "list"], ["regels", "gebruik"], ["regels", "lijst"]])
    func subcommandsHaveHelpWithAnExample(_ command: [String]) throws {
        let help = try WorkDirectory().run(command + ["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("Example") && help.output.contains("zorgledger --db ledger.sqlite \(command.joined(separator: " "))"))
        #expect(help.output.contains("--db <file|url>"))
    }

    @Test func demoUsesTheLedgerOfTheEnvironment() throws {
        let work = try WorkDirectory()
        let demo = try work.run(["demo", "--clients", "2", "--months", "2"], environment: ["ZORGLEDGER_DB": "elders.sqlite"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.path("elders.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: work.path("zorgledger-demo.sqlite")))
        #expect(demo.output.contains("zorgledger --db elders.sqlite toewijzingen --status actueel"))
        // --db still wins over the environment.
        let expliciet = try work.run(
            ["demo", "--clients", "2", "--months", "2", "--db", "eigen.sqlite"], environment: ["ZORGLEDGER_DB": "elders.sqlite"])
        #expect(expliciet.status == 0 && FileManager.default.fileExists(atPath: work.path("eigen.sqlite")))
    }

    @Test func generateCreatesMissingParentFolders() throws {
        let work = try WorkDirectory()
        let exit = try work.run(["generate", "--clients", "2", "--months", "1", "--out", "a/b/c"])
        #expect(exit.status == 0, "\(exit.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: work.path("a/b/c"))
        #expect(!files.isEmpty && files.allSatisfy { $0.hasSuffix(".xml") })
        #expect(exit.output == "wrote \(files.count) messages to a/b/c\n")

        try work.write("bestand", Array("x".utf8))
        let inEenBestand = try work.run(["generate", "--clients", "2", "--months", "1", "--out", "bestand/sub"])
        #expect(inEenBestand.status == 1 && inEenBestand.stderrLines.count == 1, "\(inEenBestand.stderr)")
    }
}
