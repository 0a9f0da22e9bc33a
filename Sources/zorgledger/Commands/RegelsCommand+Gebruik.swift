import ArgumentParser
import Kenmerken
import Ledger
import Reconciliatie

extension RegelsCommand {
    /// Records the choice of a rule-set version as an event of its own.
    struct Gebruik: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gebruik",
            abstract: "Record that reconcile uses this rule-set version from now on.",
            discussion: """
                Example:
                  zorgledger --db ledger.sqlite regels gebruik 2 --door j.jansen
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The version to use.")
        var versie: Int

        @Option(help: ArgumentHelp("Who chooses it (default: the login name).", valueName: "naam"))
        var door: String?

        func validate() throws {
            guard Regelset.versie(versie) != nil else {
                throw ValidationError("rule set version \(versie) does not exist; versions: "
                    + Regelset.alle.map { String($0.versie) }.joined(separator: ", "))
            }
        }

        func run() throws {
            let positie = try global.vastleggen(
                .regelset, RegelsetKeuze.inhoud(versie: versie), door: try GlobalOptions.door(door), bron: nil)
            print("rule set version \(versie) in force from position \(positie)")
        }
    }
}
