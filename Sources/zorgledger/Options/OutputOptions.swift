import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case csv
}

/// The options of every read command.
struct OutputOptions: ParsableArguments {
    @Option(help: "table, json or csv (default: table on a terminal, else json).")
    var format: OutputFormat?

    /// The contract's default: people at a terminal get a table, scripts get JSON.
    var resolvedFormat: OutputFormat { format ?? (Terminal.standardOutputIsTerminal ? .table : .json) }
}
