import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The root command: `zorgledger [--db FILE] [--schemas DIR] <command> [options]`.
@main
struct Zorgledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgledger",
        abstract: "The complete, tamper-evident history of iWmo and iJw message traffic.",
        discussion: """
            Every exchanged message is appended, exactly as received, to an append-only ledger (one SQLite
            file). Start with `zorgledger demo`, then `zorgledger ingest DIR` for your own messages.
            """,
        version: "0.1.0",
        subcommands: [Demo.self, Ingest.self, BerichtCommand.self, Verify.self, Generate.self])

    /// Runs the command with the contract's exit codes: 0 success, 1 a command failure with one
    /// line on stderr, 2 a usage error, 3 when `verify` finds a problem.
    static func main() {
        let arguments = GlobalOptions.movedAfterCommand(Array(CommandLine.arguments.dropFirst()))
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            Terminal.printError(fullMessage(for: error))
            Glibc.exit(2)
        }
        do {
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            Terminal.printError("zorgledger: \(error)")
            Glibc.exit(1)
        }
    }
}
