import ArgumentParser
import Projection
import Verzoeken

struct VerzoekenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verzoeken",
        abstract: "VOT (315) per AangevraagdProduct and VOW (317) requests, with their answer state.",
        discussion: """
            Status, the first that applies: ongeldig (its 316/318 rejected it), toegewezen (a non-rejected 301 of \
            that gemeente and aanbieder carries its ReferentieAanbieder), afgewezen, in_onderzoek (a 319), or \
            ingediend. The status does not depend on a date, so --peildatum does not change it.

            Example:
              zorgledger verzoeken --status in_onderzoek --gemeente 0384
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: FilterOptions

    func validate() throws {
        try filters.validate(statuses: ["ingediend", "in_onderzoek", "toegewezen", "afgewezen", "ongeldig"])
    }

    func run() throws {
        let rijen = try Verzoeken.rijen(filters.filter(), in: global.openProjections(filters.kennis.kennisstand))
        var table = ResultTable(columns: [
            .init("standaard"), .init("gemeente"), .init("aanbieder"), .init("bsn"),
            .init("referentieAanbieder", "referentie"), .init("soort"), .init("status"),
            .init("redenAfwijzingVerzoek", "reden"),
        ])
        table.rows = rijen.map { rij in
            [
                .text(rij.standaard), .text(rij.gemeente), .text(rij.aanbieder),
                .text(global.personalData.bsn(rij.bsn)),
                .text(rij.referentieAanbieder), .text(rij.soort), .text(rij.status), .text(rij.redenAfwijzingVerzoek),
            ]
        }
        print(table.rendered(as: output.resolvedFormat), terminator: "")
    }
}
