import ArgumentParser
import Foundation
import Kenmerken
import Ledger
import Reconciliatie

extension ContractCommand {
    /// Records a contract CSV in the log, once every line of it has been checked.
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load",
            abstract: "Record the contract tariffs of a CSV file (see `zorgledger contract --help`).",
            discussion: """
                Replaces, for each gemeente in the file, every tariff loaded before; gemeenten not in the file \
                keep theirs.

                Example:
                  zorgledger --db ledger.sqlite contract load tarieven-2026.csv --door j.jansen
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The CSV file to load.")
        var bestand: String

        @Option(help: ArgumentHelp("Who loads it (default: the login name).", valueName: "naam"))
        var door: String?

        func run() throws {
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
    }
}
