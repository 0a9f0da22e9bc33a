public import ArgumentParser
import Query

extension OutputFormat: ExpressibleByArgument {}

/// The options of every read command.
struct OutputOptions: ParsableArguments {
    @Option(help: "table, json or csv (default: table on a terminal, else json).")
    var format: OutputFormat?

    /// The contract's default: people at a terminal get a table, scripts get JSON.
    var resolvedFormat: OutputFormat { format ?? (Terminal.standardOutputIsTerminal ? .table : .json) }

    /// Writes rows to stdout as they come, in the chosen format; a table on a terminal fits its width.
    func writer<Row: QueryRow>(for _: Row.Type, _ personalData: PersonalData) -> RowWriter<Row> {
        RowWriter(as: resolvedFormat, personalData: personalData, maxWidth: Terminal.width) { print($0, terminator: "") }
    }
}
