import ArgumentParser
import Ledger
import Query
import Reconciliatie

/// `regels` lists the rule-set versions; `regels gebruik N` records which one is in force.
struct RegelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regels",
        abstract: "List the reconciliation rule-set versions, or record which one is in force.",
        discussion: """
            `regels gebruik N` records in the ledger that reconcile uses version N from now on: an event of its \
            own (who, when, which version), so a reconciliation made before it can still be reproduced with \
            `reconcile --regelset`. Without any choice recorded, version 1 applies.

            `regels` alone (or `regels lijst`) lists every version with its parameters, which one is in force, and \
            when each was chosen.

            Examples:
              zorgledger regels gebruik 2 --door j.jansen
              zorgledger regels
            """,
        subcommands: [Lijst.self, Gebruik.self],
        defaultSubcommand: Lijst.self)

    /// Every version with its parameters, the one in force and when each was chosen.
    struct Lijst: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lijst",
            abstract: "List the rule-set versions (the default).",
            discussion: """
                Example:
                  zorgledger --db ledger.sqlite regels lijst --format json
                """,
            aliases: ["list"])

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
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
}
