import ArgumentParser
import Berichten
import Declaraties
import Projection

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
        try filters.validate(statuses: ["ingediend", "toegekend", "afgewezen", "gecrediteerd"])
        if openstaand, filters.status != nil {
            throw ValidationError("--openstaand already selects status ingediend; leave out --status")
        }
    }

    func run() throws {
        let rijen = try Declaraties.rijen(
            filters.filter(toewijzing: toewijzing, van: van, tot: tot), openstaand: openstaand,
            in: global.openProjections(filters.kennis.kennisstand))
        var table = ResultTable(columns: [
            .init("standaard"), .init("gemeente"), .init("aanbieder"), .init("declaratieNummer", "declaratie"),
            .init("bsn"), .init("referentieNummer", "referentie"), .init("vorigReferentieNummer", "vorige"),
            .init("toewijzingNummer", "toewijzing", .integer), .init("productCategorie", "cat"),
            .init("productCode", "code"), .init("begindatum"), .init("einddatum"),
            .init("geleverdVolume", "volume", .integer), .init("eenheid"), .init("productTarief", "tarief", .amount),
            .init("bedrag", nil, .summedAmount), .init("status"), .init("retourCodes", "retourcodes", .list),
        ])
        table.rows = rijen.map { rij in
            [
                .text(rij.standaard), .text(rij.gemeente), .text(rij.aanbieder), .text(rij.declaratieNummer),
                .text(global.personalData.bsn(rij.bsn)), .text(rij.referentieNummer),
                .text(rij.vorigReferentieNummer),
                .integer(Int64(rij.toewijzingNummer)), .text(rij.productCategorie), .text(rij.productCode),
                .text(rij.begindatum), .text(rij.einddatum), .integer(Int64(rij.geleverdVolume)), .text(rij.eenheid),
                .integer(rij.productTarief.map(Int64.init)), .integer(Int64(rij.bedrag)), .text(rij.status),
                .list(rij.retourCodes),
            ]
        }
        print(table.rendered(as: output.resolvedFormat), terminator: "")
    }
}
