import ArgumentParser
import Berichten
import Declaraties
import Projection
import Query

struct DeclaratiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declaraties",
        abstract: "One row per prestatie, with what the 325 made of it.",
        discussion: """
            Status: ingediend (no 325 yet), toegekend, afgewezen (the 325 lists it, or rejects its whole 323) or \
            gecrediteerd (a credit prestatie that was not rejected names it). Credit prestaties are rows of their \
            own, with a negative bedrag. The status does not depend on a date, so --peildatum does not change it.

            Example:
              zorgledger declaraties --openstaand --aanbieder 42420001 --format csv
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Only this ToewijzingNummer.", valueName: "nummer"))
    var toewijzing: Int?

    @Option(help: ArgumentHelp("Only prestaties whose ProductPeriode ends on or after this date.", valueName: "datum"),
        transform: Datum.argument)
    var van: Datum?

    @Option(help: ArgumentHelp(
        "Only prestaties whose ProductPeriode starts on or before this date.", valueName: "datum"),
        transform: Datum.argument)
    var tot: Datum?

    @Flag(help: "Only prestaties still waiting for a 325.")
    var openstaand = false

    func validate() throws {
        try filters.validate(statuses: DeclaratieStatus.self)
        if openstaand, filters.status != nil {
            throw ValidationError("--openstaand already selects status ingediend; leave out --status")
        }
    }

    func run() throws {
        var rijen = output.writer(for: PrestatieRij.self, global.personalData)
        try Declaraties.rijen(
            filters.filter(toewijzing: toewijzing, van: van, tot: tot), openstaand: openstaand,
            in: global.openProjections(filters.kennis.kennisstand)) { rijen.write($0) }
        rijen.finish()
    }
}
