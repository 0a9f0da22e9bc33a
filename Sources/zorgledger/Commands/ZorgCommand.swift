import ArgumentParser
import Berichten
import Projection
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

    func validate() throws { try filters.validate(statuses: ["lopend", "tijdelijk_gestopt", "beeindigd"]) }

    func run() throws {
        let rijen = try Zorg.rijen(
            filters.filter(toewijzing: toewijzing, van: van, tot: tot), in: global.openProjections(filters.kennis.kennisstand))
        var table = ResultTable(columns: [
            .init("standaard"), .init("gemeente"), .init("aanbieder"), .init("bsn"),
            .init("toewijzingNummer", "toewijzing", .integer), .init("productCategorie", "cat"),
            .init("productCode", "code"), .init("begindatum"), .init("einddatum"),
            .init("redenBeeindiging", "reden"), .init("status"),
        ])
        table.rows = rijen.map { rij in
            [
                .text(rij.standaard), .text(rij.gemeente), .text(rij.aanbieder),
                .text(global.personalData.bsn(rij.bsn)),
                .integer(rij.toewijzingNummer.map(Int64.init)), .text(rij.productCategorie), .text(rij.productCode),
                .text(rij.begindatum), .text(rij.einddatum), .text(rij.redenBeeindiging), .text(rij.status),
            ]
        }
        print(table.rendered(as: output.resolvedFormat), terminator: "")
    }
}
