import ArgumentParser
import Projection
import Query
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
        try filters.validate(statuses: VerzoekStatus.self)
    }

    func run() throws {
        var rijen = output.writer(for: VerzoekRij.self, global.personalData)
        try Verzoeken.rijen(filters.filter(), in: global.openProjections(filters.kennis.kennisstand)) { rijen.write($0) }
        rijen.finish()
    }
}
