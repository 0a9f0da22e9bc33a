import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The root command: `zorgledger [--db FILE] [--schemas DIR] <command> [options]`.
///
/// Every command names itself (`commandName:`): without it ArgumentParser derives the name with
/// `String(describing:)` of the type, which searches the binary's conformance tables at every start:
/// for the eleven commands that lacked a name, 16 of the 53 M instructions of `--version`, about 5 ms
/// (a fifth of a short query's time).
@main
struct Zorgledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgledger",
        abstract: "The complete, tamper-evident history of iWmo and iJw message traffic.",
        discussion: """
            Every exchanged message is appended, exactly as received, to an append-only ledger: one SQLite \
            file, named with --db FILE (or $ZORGLEDGER_DB; default ./zorgledger.sqlite) before or after the \
            command. Start with `zorgledger demo`, then `zorgledger ingest DIR` for your own messages.
            """,
        version: "0.1.0",
        subcommands: [
            Demo.self, Ingest.self, ToewijzingenCommand.self, ZorgCommand.self, DeclaratiesCommand.self,
            VerzoekenCommand.self, TrajectCommand.self, BerichtenCommand.self, BerichtCommand.self, Replay.self,
            Verify.self, Generate.self, ReconcileCommand.self, ContractCommand.self, RegelsCommand.self,
            SleutelCommand.self, CheckpointCommand.self, BewijsCommand.self, AuditCommand.self, Volg.self,
            Kopieer.self,
        ])

    /// Declared here as well as in each command, so that `--help` lists them and the parser takes them
    /// before the command name too; the commands read the same parsed values from their own group.
    @OptionGroup(title: "Global options") var global: GlobalOptions

    /// Runs the command with the contract's exit codes: 0 success, 1 a command failure with one
    /// line on stderr, 2 a usage error, 3 when `verify` finds a problem.
    static func main() {
        // Over `ulimit -f` the kernel would kill the process with SIGXFSZ in the middle of a write;
        // ignored, the write fails with EFBIG instead and SQLite rolls the batch back cleanly.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            Terminal.printError(PasswordRedaction.redacted(usageError(error, arguments: arguments)))
            Glibc.exit(2)
        }
        do {
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch where exitCode(for: error) == .success {
            // `zorgledger help CMD` asks for help by throwing; that is no failure.
            print(fullMessage(for: error))
            Glibc.exit(0)
        } catch {
            // Whatever failed, a database password that reached the message is not printed.
            Terminal.printError(PasswordRedaction.redacted(
                "zorgledger: " + "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")))
            Glibc.exit(1)
        }
    }

    /// A usage error in one line that names the command and where its help is, instead of the
    /// parser's multi-line usage text: a script's log gets one line per failure.
    private static func usageError(_ error: any Error, arguments: [String]) -> String {
        let command = (["zorgledger"] + commandPath(in: arguments)).joined(separator: " ")
        let message = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
        return command + ": " + message + " (see '" + command + " --help')"
    }

    /// The names of the command and subcommand the arguments choose, e.g. `contract load`.
    private static func commandPath(in arguments: [String]) -> [String] {
        var command: any ParsableCommand.Type = Zorgledger.self
        var path: [String] = []
        for argument in arguments {
            guard let sub = command.configuration.subcommands.first(where: {
                $0._commandName == argument || $0.configuration.aliases.contains(argument)
            }) else {
                continue
            }
            path.append(argument)
            command = sub
        }
        return path
    }
}
