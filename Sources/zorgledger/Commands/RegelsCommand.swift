import ArgumentParser
import Ledger
import Query
import Reconciliatie

struct RegelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regels",
        abstract: "List the reconciliation rule-set versions, or record which one is in force.",
        discussion: """
            `regels gebruik N` records in the ledger that reconcile uses version N from now on: an event of its \
            own (who, when, which version), so a reconciliation made before it can still be reproduced with \
            `reconcile --regelset`. Without any choice recorded, version 1 applies.

            `regels` alone lists every version with its parameters, which one is in force, and when each was \
            chosen.

            Examples:
              zorgledger regels gebruik 2 --door j.jansen
              zorgledger regels
            """)

    /// `gebruik` is a word rather than a subcommand, so that `--db` may stand before `regels`.
    enum Actie: String, ExpressibleByArgument {
        case gebruik
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "gebruik, to record VERSIE; omit to list the versions.")
    var actie: Actie?

    @Argument(help: "The version to use.")
    var versie: Int?

    @Option(help: ArgumentHelp("Who chooses it (default: the login name).", valueName: "naam"))
    var door: String?

    func validate() throws {
        if actie == .gebruik {
            guard let versie else { throw ValidationError("regels gebruik needs a version") }
            guard Regelset.versie(versie) != nil else {
                throw ValidationError("rule set version \(versie) does not exist; versions: "
                    + Regelset.alle.map { String($0.versie) }.joined(separator: ", "))
            }
        } else if versie != nil {
            throw ValidationError("to choose a version, use `regels gebruik`")
        }
    }

    func run() throws {
        guard actie == .gebruik, let versie else { return try lijst() }
        let positie = try global.vastleggen(
            .regelset, RegelsetKeuze.inhoud(versie: versie), door: try GlobalOptions.door(door), bron: nil)
        print("rule set version \(versie) in force from position \(positie)")
    }

    private func lijst() throws {
        let keuzes = try Reconciliatie.regelsetKeuzes(in: global.openProjections())
        let inGebruik = keuzes.last?.versie ?? Regelset.standaard.versie
        var table = ResultTable(columns: [
            .init("versie", nil, .integer), .init("inGebruik", "in gebruik"), .init("omschrijving"),
            .init("retourTermijn", "retour", .integer), .init("declaratieAntwoordTermijn", "325", .integer),
            .init("verzoekTermijn", "verzoek", .integer), .init("onderzoekTermijn", "onderzoek", .integer),
            .init("regieTermijn", "regie", .integer), .init("tariefMarge", "marge", .integer),
            .init("feestdagen"), .init("gekozen", nil, .list),
        ])
        table.rows = Regelset.alle.map { r in
            [
                .integer(Int64(r.versie)), .text(r.versie == inGebruik ? "ja" : "nee"), .text(r.omschrijving),
                .integer(Int64(r.retourTermijn)), .integer(Int64(r.declaratieAntwoordTermijn)),
                .integer(Int64(r.verzoekTermijn)), .integer(Int64(r.onderzoekTermijn)),
                .integer(Int64(r.regieTermijn)), .integer(Int64(r.tariefMarge)), .text(r.feestdagen.omschrijving),
                .list(keuzes.filter { $0.versie == r.versie }.map { "\($0.positie) \($0.door) \($0.op)" }),
            ]
        }
        print(table.rendered(as: output.resolvedFormat), terminator: "")
    }
}
