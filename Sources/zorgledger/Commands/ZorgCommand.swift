import ArgumentParser
import Berichten
import Projection
import Query
import Zorg

struct ZorgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorg",
        abstract: "Delivery periods (start/stop) per toegewezen product.",
        discussion: """
            One row per start (305) that stands: lopend, tijdelijk_gestopt (RedenBeeindiging 20) or beeindigd. \
            A restart after a temporary stop is a row of its own; a definitive stop outranks a temporary one. \
            Deleted starts and stops (StatusAanlevering 3) and rejected 305/307 messages leave no row. The status \
            follows from the reported stops, so --peildatum does not change it.

            Example:
              zorgledger zorg --toewijzing 300201 --status lopend
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Only this ToewijzingNummer.", valueName: "nummer"))
    var toewijzing: Int?

    @Option(help: ArgumentHelp("Only periods not ended before this date.", valueName: "datum"),
        transform: Datum.argument)
    var van: Datum?

    @Option(help: ArgumentHelp("Only periods begun on or before this date.", valueName: "datum"),
        transform: Datum.argument)
    var tot: Datum?

    func validate() throws { try filters.validate(statuses: ZorgStatus.self) }

    func run() throws {
        var rijen = output.writer(for: ZorgRij.self, global.personalData)
        try Zorg.rijen(
            filters.filter(toewijzing: toewijzing, van: van, tot: tot),
            in: global.openProjections(filters.kennis.kennisstand)) { rijen.write($0) }
        rijen.finish()
    }
}
