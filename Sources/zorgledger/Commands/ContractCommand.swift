import ArgumentParser
import Ledger
import Query
import Reconciliatie

/// `contract` lists the contracts recorded; `contract load FILE` records one.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Record contract tariffs from a CSV file, or list the contracts recorded.",
        discussion: """
            `contract load FILE.csv` records the tariffs. The CSV has the header line
              gemeente,aanbieder,productcategorie,productcode,begindatum,einddatum,tarief
            and one tariff a line: CBS code, AGB code, product, the period (einddatum empty for no end) and the \
            tariff in whole eurocent per eenheid. Every line is checked first; a wrong line is reported as \
            FILE:LINE: reason and nothing is recorded. The exact bytes of the file are recorded with who loaded it \
            and when. A load replaces, for each gemeente in the file, every tariff loaded before; gemeenten not in \
            the file keep theirs. To change a tariff retroactively, load the corrected file and compare with \
            `reconcile --diff-contract`.

            `contract` alone (or `contract list`) lists every contract recorded; its positie is what \
            reconcile --contract takes.

            Examples:
              zorgledger contract load tarieven-2026.csv --door j.jansen
              zorgledger contract --format csv
            """,
        subcommands: [List.self, Load.self],
        defaultSubcommand: List.self)

    /// Every contract recorded, with its position, who loaded it and which gemeenten it covers.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the contracts recorded (the default).",
            discussion: """
                Example:
                  zorgledger --db ledger.sqlite contract list --format json
                """,
            aliases: ["lijst"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rijen = try Reconciliatie.contracten(in: global.openProjections())
            var table = ResultTable(columns: [
                .init("positie", nil, .integer), .init("door"), .init("op"), .init("bestand"),
                .init("tarieven", nil, .integer), .init("gemeenten", nil, .list),
            ])
            table.rows = rijen.map { rij in
                [
                    .integer(rij.positie), .text(rij.door), .text(rij.op), .text(rij.bestand),
                    .integer(Int64(rij.tarieven)), .list(rij.gemeenten),
                ]
            }
            print(table.rendered(as: output.resolvedFormat), terminator: "")
        }
    }
}
