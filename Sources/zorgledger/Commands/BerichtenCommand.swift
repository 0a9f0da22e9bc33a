import ArgumentParser
import Berichten
import Projection
import Query
import Uitwisseling

struct BerichtenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "berichten",
        abstract: "One row per message in the log, with its exchange state.",
        discussion: """
            A heenbericht is verzonden (no retour yet), geaccepteerd or afgewezen (its retour carries a RetourCode \
            other than 0200 and 0233); a retour or 325 has status retour. retourCodes are a retour's own codes, or \
            for a heenbericht those of its retour; bevindingen are the level-2 rules the message breaks. \
            transport is how it arrived (bestand, vecozo or ggk), transportId the VSP traceerId or StUF \
            referentienummer, ontvangen the moment of receipt the transport gave. \
            --van and --tot select on the dagtekening; --peildatum does not change anything here.

            Example:
              zorgledger berichten --status afgewezen --van 2026-01-01 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Only messages about this ToewijzingNummer.", valueName: "nummer"))
    var toewijzing: Int?

    @Option(help: ArgumentHelp("Only messages dated on or after this date.", valueName: "datum"),
        transform: Datum.argument)
    var van: Datum?

    @Option(help: ArgumentHelp("Only messages dated on or before this date.", valueName: "datum"),
        transform: Datum.argument)
    var tot: Datum?

    func validate() throws {
        try filters.validate(statuses: BerichtStatus.self)
    }

    func run() throws {
        var rijen = output.writer(for: BerichtRij.self, global.personalData)
        try Uitwisseling.berichten(
            filters.filter(toewijzing: toewijzing, van: van, tot: tot),
            in: global.openProjections(filters.kennis.kennisstand)) { rijen.write($0) }
        rijen.finish()
    }
}
