import ArgumentParser
import Foundation
import Ledger
import Query
import Reconciliatie

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

            `contract` alone lists every contract recorded; its positie is what reconcile --contract takes.

            Examples:
              zorgledger contract load tarieven-2026.csv --door j.jansen
              zorgledger contract --format csv
            """)

    /// What the command does: `load` is a word rather than a subcommand, so that `--db` may stand
    /// before `contract` like before any other command.
    enum Actie: String, ExpressibleByArgument {
        case load
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "load, to record FILE; omit to list the contracts.")
    var actie: Actie?

    @Argument(help: "The CSV file to load.")
    var bestand: String?

    @Option(help: ArgumentHelp("Who loads it (default: the login name).", valueName: "naam"))
    var door: String?

    func validate() throws {
        if actie == .load, bestand == nil { throw ValidationError("contract load needs a CSV file") }
        if actie == nil, bestand != nil { throw ValidationError("to record \(bestand ?? ""), use `contract load`") }
    }

    func run() throws {
        guard actie == .load, let bestand else { return try lijst() }
        guard let data = FileManager.default.contents(atPath: bestand) else {
            throw ContractFout(bestand: bestand, melding: "cannot read the file")
        }
        let bytes = Array(data)
        let regels = try ContractCSV.regels(bytes, bestand: bestand)
        let positie = try global.vastleggen(
            .contract, bytes, door: try GlobalOptions.door(door), bron: (bestand as NSString).lastPathComponent)
        let gemeenten = Set(regels.map(\.gemeente)).sorted().joined(separator: ", ")
        print("contract recorded at position \(positie): \(regels.count) tarieven for gemeente(n) \(gemeenten)")
    }

    private func lijst() throws {
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
