import ArgumentParser

/// The root command: `zorgledger [--db FILE] <command> [options]`.
@main
struct Zorgledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgledger",
        abstract: "The complete, tamper-evident history of iWmo and iJw message traffic.",
        version: "0.1.0",
        subcommands: [])
}
