import ArgumentParser
import Berichten
import Projection
import Query
import Toewijzingen

struct ToewijzingenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toewijzingen",
        abstract: "Current state of each toegewezen product.",
        discussion: """
            Per gemeente and ToewijzingNummer the version with the latest Toewijzingsdatum and -tijd among the 301s \
            that no 302 rejected, whatever order they arrived in. Status at the peildatum: actueel (no einddatum, \
            or not before the peildatum), beeindigd (einddatum before it) or verwijderd (RedenWijziging 13). \
            Each row names the 301 that carried its version (positie) and that 301's dagtekening (bekendSinds). \
            --bekend-op and --tot-positie answer from what was known then.

            Examples:
              zorgledger toewijzingen --bsn 999900006 --peildatum 2026-05-01 --format json
              zorgledger toewijzingen --bekend-op 2025-03-31 --peildatum 2025-03-31
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Only this ToewijzingNummer.", valueName: "nummer"))
    var toewijzing: Int?

    @Option(help: ArgumentHelp("Only toewijzingen still valid on or after this date.", valueName: "datum"),
        transform: Datum.argument)
    var van: Datum?

    @Option(help: ArgumentHelp("Only toewijzingen starting on or before this date.", valueName: "datum"),
        transform: Datum.argument)
    var tot: Datum?

    @Flag(help: "Every version that counts, not only the current one.")
    var historie = false

    func validate() throws { try filters.validate(statuses: ToewijzingStatus.self) }

    func run() throws {
        var rijen = output.writer(for: ToewijzingRij.self, global.personalData)
        try Toewijzingen.rijen(
            filters.filter(toewijzing: toewijzing, van: van, tot: tot), historie: historie,
            in: global.openProjections(filters.kennis.kennisstand)) { rijen.write($0) }
        rijen.finish()
    }
}
